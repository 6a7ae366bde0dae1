using HelpdeskGamify.Connector.Tenants;
using HelpdeskGamify.Connector.WriteBack;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>
/// <c>/api/admin/tenants/{tenant}/write-backs</c>: what redemptions asked of the helpdesk (a
/// priority-service reward tags the customer and raises their open tickets) and whether it happened.
/// </summary>
public static class WriteBackApi
{
    private const int MaxLimit = 200;

    /// <summary>Maps the routes into the admin tenant group.</summary>
    public static RouteGroupBuilder MapWriteBackApi(this RouteGroupBuilder group)
    {
        group.MapGet("/write-backs", ListAsync)
            .WithSummary("Helpdesk write-back jobs, newest first; ?status=pending|succeeded|skipped|failed, ?redemptionId=, ?limit= (1-200, 50).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/write-backs/{id:long}", GetAsync).WithSummary("One write-back job.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/write-backs/{id:long}/retry", RetryAsync)
            .WithSummary("Queues a failed or skipped job again (e.g. after adding API credentials): 200 with the job, 409 when it is pending or succeeded.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<WriteBackList>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string tenant, string? status, long? redemptionId, int? limit, TenantDirectory tenants, WriteBackJobStore jobs, CancellationToken ct)
    {
        if (status is not null && !WriteBackStatuses.All.Contains(status))
        {
            return Problems.BadQuery("status", "One of pending, succeeded, skipped, failed.");
        }
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.BadQuery("limit", $"From 1 to {MaxLimit}.");
        }
        if (await tenants.FindAsync(tenant, ct) is null)
        {
            return Problems.TenantNotFound(tenant);
        }
        return TypedResults.Ok(new WriteBackList(await jobs.ListAsync(tenant, status, redemptionId, limit ?? 50, ct)));
    }

    private static async Task<Results<Ok<WriteBackJob>, ProblemHttpResult>> GetAsync(string tenant, long id, WriteBackJobStore jobs, CancellationToken ct) =>
        await jobs.FindAsync(tenant, id, ct) is { } job ? TypedResults.Ok(job) : NotFound(id);

    private static async Task<Results<Ok<WriteBackJob>, ProblemHttpResult>> RetryAsync(
        string tenant, long id, WriteBackJobStore jobs, TimeProvider clock, CancellationToken ct)
    {
        if (await jobs.RetryAsync(tenant, id, clock.GetUtcNow().ToUnixTimeMilliseconds(), ct))
        {
            return TypedResults.Ok((await jobs.FindAsync(tenant, id, ct))!);
        }
        return await jobs.FindAsync(tenant, id, ct) is null
            ? NotFound(id)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a failed or skipped write-back can be retried.");
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such write-back.", detail: $"Write-back {id} does not exist for this tenant.");
}

/// <summary>A page of write-back jobs.</summary>
public sealed record WriteBackList(IReadOnlyList<WriteBackJob> WriteBacks);

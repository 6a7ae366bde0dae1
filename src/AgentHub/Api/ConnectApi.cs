using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>
/// <c>/api/admin/tenants/{tenant}/…</c>: connect a helpdesk account in one step, sync its directory
/// and backfill its recent history. Admin key only; these call the helpdesk, so they can take a while.
/// </summary>
public static class ConnectApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/tenants/{tenant}").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapPost("/setup", SetupAsync)
            .WithSummary("Zendesk: installs webhooks, signing secrets and triggers. Freshdesk: verifies the API key and returns the automation rules to paste. Idempotent.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapPost("/directory-sync", SyncAsync).WithSummary("Copies agents, teams and avatars from the helpdesk into participants.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapPost("/backfill", BackfillAsync).WithSummary("Imports the last N days of tickets, metrics and ratings through the inbox (deduplicated against webhooks).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapWriteBackApi();
        return group;
    }

    private static async Task<Results<Ok<SetupReport>, ProblemHttpResult, ValidationProblem>> SetupAsync(
        string tenant, SetupRequest body, TenantDirectory tenants, HelpdeskConnections connections, CancellationToken ct)
    {
        if (!PublicUrls.TryParse(body.PublicUrl, out var publicUrl))
        {
            return Problems.BadQuery("publicUrl", "The public base URL of this AgentHub, e.g. https://gamify.example.com.");
        }
        var found = await tenants.FindAsync(tenant, ct);
        if (found is null)
        {
            return Problems.TenantNotFound(tenant);
        }
        return await CallAsync(() => connections.SetupAsync(found, publicUrl, ct));
    }

    private static async Task<Results<Ok<DirectorySyncResult>, ProblemHttpResult, ValidationProblem>> SyncAsync(
        string tenant, TenantDirectory tenants, HelpdeskConnections connections, CancellationToken ct)
    {
        var found = await tenants.FindAsync(tenant, ct);
        return found is null ? Problems.TenantNotFound(tenant) : await CallAsync(() => connections.SyncDirectoryAsync(found, ct));
    }

    private static async Task<Results<Ok<BackfillResult>, ProblemHttpResult, ValidationProblem>> BackfillAsync(
        string tenant, BackfillRequest body, TenantDirectory tenants, HelpdeskConnections connections, CancellationToken ct)
    {
        if (body.Days is < 1 or > HelpdeskConnections.MaxBackfillDays)
        {
            return Problems.BadQuery("days", $"From 1 to {HelpdeskConnections.MaxBackfillDays}.");
        }
        var found = await tenants.FindAsync(tenant, ct);
        return found is null ? Problems.TenantNotFound(tenant) : await CallAsync(() => connections.BackfillAsync(found, body.Days, ct));
    }

    /// <summary>Maps helpdesk failures to problems: 422 for missing settings, 502 when the helpdesk refused or failed.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult, ValidationProblem>> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return TypedResults.Ok(await call());
        }
        catch (ApiNotConfiguredException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The tenant is not connected to a helpdesk API.", detail: ex.Message);
        }
        catch (HelpdeskApiException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
                title: ex.Unauthorized ? "The helpdesk refused the tenant's API credentials." : "The helpdesk API call failed.", detail: ex.Message);
        }
    }
}

/// <summary>The body of <c>POST /setup</c>: the public base URL helpdesks will call.</summary>
public sealed record SetupRequest(string? PublicUrl);

/// <summary>The body of <c>POST /backfill</c>.</summary>
public sealed record BackfillRequest(int Days = 30);

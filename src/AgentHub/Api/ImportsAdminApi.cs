using HelpdeskGamify.Connector.CustomEvents.Imports;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary><c>/api/admin/tenants/{tenant}/imports</c>: CSV import of historical customers and visits, with progress and an error report.</summary>
public static class ImportsAdminApi
{
    /// <summary>The largest file accepted (it is streamed, never held whole).</summary>
    public const long MaxFileBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Maps the import routes into the admin tenant group.</summary>
    public static RouteGroupBuilder MapImportsAdminApi(this RouteGroupBuilder group)
    {
        group.MapPost("/imports", ImportAsync).WithSummary("Imports a CSV file (text/csv) through the inbox; answers when the file is read.");
        group.MapGet("/imports", async (string tenant, ImportStore jobs, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ImportJobView>((await jobs.RecentAsync(tenant, 20, ct)).Select(ImportJobView.Of).ToList())))
            .WithSummary("The 20 most recent jobs, newest first, including one still running.");
        group.MapGet("/imports/{id:long}", GetAsync).WithSummary("A job's progress: processed, total, accepted, duplicates, errors.");
        group.MapGet("/imports/{id:long}/errors", ErrorsAsync).WithSummary("The rows the job refused, with column and reason.");
        return group;
    }

    private static async Task<Results<Created<ImportJobView>, ProblemHttpResult>> ImportAsync(
        string tenant, HttpContext http, TenantDirectory tenants, CsvImporter importer, ImportStore jobs, CancellationToken ct)
    {
        var mediaType = (http.Request.ContentType ?? "").Split(';', 2)[0].Trim();
        if (!mediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the file as Content-Type: text/csv.");
        }
        if (await tenants.FindAsync(tenant, ct) is null)
        {
            return Problems.TenantNotFound(tenant);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes;
        }
        var id = await importer.StartAsync(tenant, ct);
        await importer.RunAsync(tenant, id, http.Request.Body, ct);
        var job = await jobs.FindAsync(tenant, id, CancellationToken.None);
        return TypedResults.Created($"/api/admin/tenants/{tenant}/imports/{id}", ImportJobView.Of(job!));
    }

    private static async Task<Results<Ok<ImportJobView>, ProblemHttpResult>> GetAsync(string tenant, long id, ImportStore jobs, CancellationToken ct) =>
        await jobs.FindAsync(tenant, id, ct) is { } job
            ? TypedResults.Ok(ImportJobView.Of(job))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such import.");

    private static async Task<Ok<ItemList<ImportError>>> ErrorsAsync(string tenant, long id, int? limit, ImportStore jobs, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<ImportError>(await jobs.ErrorsAsync(tenant, id, Math.Clamp(limit ?? 1000, 1, ImportStore.MaxStoredErrors), ct)));
}

/// <summary>An import job as the admin sees it.</summary>
public sealed record ImportJobView(long Id, string Status, long Total, long Processed, long Accepted, long Duplicates, long Errors,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    internal static ImportJobView Of(ImportJob j) => new(j.Id, j.Status, j.Total, j.Processed, j.Accepted, j.Duplicates, j.Errors,
        DateTimeOffset.FromUnixTimeMilliseconds(j.CreatedAtMs), j.FinishedAtMs is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null);
}

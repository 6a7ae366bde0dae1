using System.Security.Cryptography;
using System.Text;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.AgentHub.ScaleOut;
using HelpdeskGamify.Connector.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>
/// <c>/api/admin/tenants/{tenant}/customers/{id}</c>: erase a customer (personal data removed,
/// points kept under a pseudonym) and export what is stored about them. Admin key only.
/// </summary>
public static class PrivacyApi
{
    /// <summary>Maps the privacy routes into the admin group.</summary>
    public static RouteGroupBuilder MapPrivacyApi(this RouteGroupBuilder admin)
    {
        admin.MapDelete("/tenants/{tenant}/customers/{customerId}", EraseAsync).WithTags("Privacy").WithSummary("Erases a customer's personal data; idempotent.");
        admin.MapPost("/tenants/{tenant}/customers/{customerId}/erase", EraseAsync).WithTags("Privacy").WithSummary("Same as DELETE, for clients that cannot send one.");
        admin.MapGet("/tenants/{tenant}/customers/{customerId}/export", ExportAsync).WithTags("Privacy").WithSummary("Everything stored about a customer, as JSON.");
        return admin;
    }

    /// <summary>The stable pseudonym of a customer: keyed, so ids cannot be recovered by hashing guesses.</summary>
    public static string Pseudonym(SigningKey key, string tenant, string customerId) =>
        "erased-" + Convert.ToHexStringLower(HMACSHA256.HashData(key.Key.Key, Encoding.UTF8.GetBytes($"erase:{tenant}:{customerId}")))[..16];

    private static async Task<Ok<ErasureResult>> EraseAsync(string tenant, string customerId, CustomerPrivacyStore privacy,
        LeaderboardEvictions boards, SigningKey key, ILoggerFactory logs, CancellationToken ct)
    {
        var pseudonym = Pseudonym(key, tenant, customerId);
        var erased = await privacy.EraseAsync(tenant, customerId, pseudonym, ct);
        // Every node drops its customer boards, so none keeps showing the real id next to the points.
        boards.Evict(tenant, "customers");
        // The log names the pseudonym only: the erased id must not survive in the logs either.
        logs.CreateLogger(typeof(PrivacyApi)).LogInformation("Erased customer {Pseudonym} of tenant {Tenant} (changed: {Changed})", pseudonym, tenant, erased);
        return TypedResults.Ok(new ErasureResult(erased ? "erased" : "nothing-to-erase", pseudonym));
    }

    private static async Task<Results<Ok<CustomerDataExport>, ProblemHttpResult>> ExportAsync(string tenant, string customerId,
        CustomerExporter exporter, CancellationToken ct)
    {
        var export = await exporter.ExportAsync(tenant, customerId, ct);
        return export is null ? Problems.ParticipantNotFound("customer", customerId) : TypedResults.Ok(export);
    }
}

/// <summary>The answer of an erase: <c>erased</c>, or <c>nothing-to-erase</c> when it had already been done.</summary>
public sealed record ErasureResult(string Status, string Pseudonym);

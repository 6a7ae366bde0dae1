using System.Security.Cryptography;
using HelpdeskGamify.Connector.Outbound;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary><c>/api/admin/tenants/{tenant}/subscriptions</c>: outbound webhooks, their delivery log and redelivery.</summary>
public static class SubscriptionAdminApi
{
    /// <summary>Maps the subscription routes into the admin tenant group.</summary>
    public static RouteGroupBuilder MapSubscriptionAdminApi(this RouteGroupBuilder group)
    {
        group.MapPost("/subscriptions", CreateAsync).WithSummary("Subscribes a URL to award events; without a secret one is generated and shown once.");
        group.MapGet("/subscriptions", ListAsync).WithSummary("The tenant's subscriptions, with their status; ?status=paused lists the ones that need the admin.");
        group.MapGet("/subscriptions/{id:long}", GetAsync);
        group.MapPut("/subscriptions/{id:long}", UpdateAsync).WithSummary("Changes URL and event types; the secret only when given.");
        group.MapDelete("/subscriptions/{id:long}", (string tenant, long id, WebhookSubscriptionStore store, CancellationToken ct) => SetStatusAsync(tenant, id, "deleted", store, ct));
        group.MapPost("/subscriptions/{id:long}/resume", (string tenant, long id, WebhookSubscriptionStore store, CancellationToken ct) => SetStatusAsync(tenant, id, "active", store, ct))
            .WithSummary("Resumes a paused subscription; held deliveries go out.");
        group.MapGet("/subscriptions/{id:long}/deliveries", DeliveriesAsync).WithSummary("The delivery log, newest first.");
        group.MapGet("/subscriptions/{id:long}/deliveries/{deliveryId:long}/attempts", AttemptsAsync).WithSummary("Every attempt of one delivery.");
        group.MapPost("/subscriptions/{id:long}/deliveries/{deliveryId:long}/redeliver", RedeliverAsync).WithSummary("Sends a delivery again now.");
        return group;
    }

    private static async Task<Results<Created<CreatedSubscriptionView>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        string tenant, SubscriptionRequest body, TenantDirectory tenants, WebhookSubscriptionStore store, IOptions<OutboundWebhookOptions> options, CancellationToken ct)
    {
        var errors = body.Validate(options.Value, secretRequired: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await tenants.FindAsync(tenant, ct) is null)
        {
            return Problems.TenantNotFound(tenant);
        }
        var generated = body.Secret is null ? "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : null;
        var id = await store.CreateAsync(tenant, body.Url!, body.EventTypes!, body.Secret ?? generated!, ct);
        var view = SubscriptionView.Of((await store.FindAsync(tenant, id, ct))!);
        return TypedResults.Created($"/api/admin/tenants/{tenant}/subscriptions/{id}", new CreatedSubscriptionView(view, generated));
    }

    private static async Task<Ok<ItemList<SubscriptionView>>> ListAsync(string tenant, string? status, WebhookSubscriptionStore store, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<SubscriptionView>((await store.ListAsync(tenant, ct))
            .Where(s => status is null || s.Status == status).Select(SubscriptionView.Of).ToList()));

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> GetAsync(string tenant, long id, WebhookSubscriptionStore store, CancellationToken ct) =>
        await store.FindAsync(tenant, id, ct) is { } found ? TypedResults.Ok(SubscriptionView.Of(found)) : NotFound();

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string tenant, long id, SubscriptionRequest body, WebhookSubscriptionStore store, IOptions<OutboundWebhookOptions> options, CancellationToken ct)
    {
        var errors = body.Validate(options.Value, secretRequired: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await store.UpdateAsync(tenant, id, body.Url!, body.EventTypes!, body.Secret, ct)
            ? TypedResults.Ok(SubscriptionView.Of((await store.FindAsync(tenant, id, ct))!))
            : NotFound();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetStatusAsync(string tenant, long id, string status, WebhookSubscriptionStore store, CancellationToken ct) =>
        await store.SetStatusAsync(tenant, id, status, ct) ? TypedResults.NoContent() : NotFound();

    private static async Task<Results<Ok<ItemList<DeliveryView>>, ProblemHttpResult>> DeliveriesAsync(
        string tenant, long id, long? before, int? limit, WebhookSubscriptionStore store, WebhookDeliveryLog log, CancellationToken ct)
    {
        if (await store.FindAsync(tenant, id, ct) is null)
        {
            return NotFound();
        }
        return TypedResults.Ok(new ItemList<DeliveryView>(await log.ListAsync(tenant, id, before ?? long.MaxValue, Math.Clamp(limit ?? 50, 1, 200), ct)));
    }

    private static async Task<Ok<ItemList<AttemptView>>> AttemptsAsync(string tenant, long id, long deliveryId, WebhookDeliveryLog log, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<AttemptView>(await log.AttemptsAsync(tenant, id, deliveryId, ct)));

    private static async Task<Results<Accepted, ProblemHttpResult>> RedeliverAsync(string tenant, long id, long deliveryId, WebhookDeliveryLog log, CancellationToken ct) =>
        await log.RedeliverAsync(tenant, id, deliveryId, ct) ? TypedResults.Accepted((string?)null) : NotFound();

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such subscription or delivery.");
}

/// <summary>A subscription as the admin sees it (never its secret).</summary>
public sealed record SubscriptionView(long Id, string Url, IReadOnlyList<string> EventTypes, string Status,
    DateTimeOffset? FailingSince, DateTimeOffset? PausedAt, string? PauseReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static SubscriptionView Of(WebhookSubscription s) => new(s.Id, s.Url, s.EventTypes, s.Status,
        At(s.FailingSinceMs), At(s.PausedAtMs), s.PauseReason, At(s.CreatedAtMs)!.Value, At(s.UpdatedAtMs)!.Value);

    private static DateTimeOffset? At(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}

/// <summary>A new subscription; <see cref="Secret"/> is set (once) only when it was generated.</summary>
public sealed record CreatedSubscriptionView(SubscriptionView Subscription, string? Secret);

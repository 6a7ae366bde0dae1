using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.CustomEvents;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>Admin routes of the events API: tenant API keys and tenant-defined event types.</summary>
public static class IntegrationAdminApi
{
    /// <summary>Maps the events API, its admin routes and the outbound subscriptions.</summary>
    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder app)
    {
        app.MapEventsApi();
        var group = app.MapGroup("/api/admin/tenants/{tenant}").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapPost("/api-keys", CreateKeyAsync).WithSummary("Creates an API key for the events API; the key is shown only in this answer.");
        group.MapGet("/api-keys", ListKeysAsync).WithSummary("The tenant's API keys (names and prefixes, never the keys).");
        group.MapDelete("/api-keys/{id:long}", RevokeKeyAsync).WithSummary("Revokes a key at once.");
        group.MapPut("/event-types/{name}", PutTypeAsync).WithSummary("Defines a custom event type and its attributes.");
        group.MapGet("/event-types", ListTypesAsync).WithSummary("The built-in and tenant-defined event types.");
        group.MapDelete("/event-types/{name}", DeleteTypeAsync).WithSummary("Deletes a tenant-defined type.");
        group.MapSubscriptionAdminApi();
        group.MapImportsAdminApi();
        return app;
    }

    private static async Task<Results<Created<CreatedKeyView>, ProblemHttpResult, ValidationProblem>> CreateKeyAsync(
        string tenant, ApiKeyRequest body, TenantDirectory tenants, ApiKeyStore keys, CancellationToken ct)
    {
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return Problems.BadQuery("name", "A name of 1 to 100 characters, to recognise the key later (e.g. 'crm-production').");
        }
        if (await tenants.FindAsync(tenant, ct) is null)
        {
            return Problems.TenantNotFound(tenant);
        }
        var created = await keys.CreateAsync(tenant, name, ct);
        return TypedResults.Created($"/api/admin/tenants/{tenant}/api-keys/{created.Info.Id}", new CreatedKeyView(ApiKeyView.Of(created.Info), created.Key));
    }

    private static async Task<Ok<ItemList<ApiKeyView>>> ListKeysAsync(string tenant, ApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<ApiKeyView>((await keys.ListAsync(tenant, ct)).Select(ApiKeyView.Of).ToList()));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(string tenant, long id, ApiKeyStore keys, CancellationToken ct) =>
        await keys.RevokeAsync(tenant, id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such live API key.");

    private static async Task<Results<Ok<EventTypeSchema>, Created<EventTypeSchema>, ProblemHttpResult, ValidationProblem>> PutTypeAsync(
        string tenant, string name, EventTypeRequest body, TenantDirectory tenants, EventTypeStore types, CancellationToken ct)
    {
        var (schema, errors) = EventTypeRequest.Validate(name, body);
        if (schema is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await tenants.FindAsync(tenant, ct) is null)
        {
            return Problems.TenantNotFound(tenant);
        }
        return await types.SaveAsync(tenant, schema, ct)
            ? TypedResults.Created($"/api/admin/tenants/{tenant}/event-types/{name}", schema)
            : TypedResults.Ok(schema);
    }

    private static async Task<Ok<EventTypeList>> ListTypesAsync(string tenant, EventTypeStore types, CancellationToken ct) =>
        TypedResults.Ok(new EventTypeList(BuiltInEventTypes.All.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(), await types.ListOwnAsync(tenant, ct)));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTypeAsync(string tenant, string name, EventTypeStore types, CancellationToken ct) =>
        await types.DeleteAsync(tenant, name, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such tenant-defined event type.");
}

/// <summary>The body of <c>POST /api-keys</c>.</summary>
public sealed record ApiKeyRequest(string? Name);

/// <summary>A key as listed.</summary>
public sealed record ApiKeyView(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    internal static ApiKeyView Of(ApiKeyInfo k) => new(k.Id, k.Name, k.Prefix, DateTimeOffset.FromUnixTimeMilliseconds(k.CreatedAtMs),
        k.RevokedAtMs is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null);
}

/// <summary>A new key: <see cref="Key"/> is shown this once.</summary>
public sealed record CreatedKeyView(ApiKeyView ApiKey, string Key);

/// <summary>A list answer.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);

/// <summary>The built-in types and the tenant's own.</summary>
public sealed record EventTypeList(IReadOnlyList<EventTypeSchema> BuiltIn, IReadOnlyList<EventTypeSchema> Tenant);

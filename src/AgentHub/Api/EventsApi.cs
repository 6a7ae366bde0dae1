using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.CustomEvents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>
/// <c>POST /api/tenants/{tenant}/events</c>: custom events from the company's own systems, with a
/// tenant API key. Durable before the 2xx; per-event answers (see docs/api-events.md).
/// </summary>
public static class EventsApi
{
    /// <summary>The largest body accepted: room for 1,000 events with attributes.</summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    /// <summary>Maps the route in its own group: only API keys (and the admin key) may post events.</summary>
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenant}")
            .RequireAuthorization(Policies.Integration)
            .AddEndpointFilter<TenantAccessFilter>()
            .WithTags("Events");
        group.MapPost("/events", PostAsync)
            .WithSummary("One custom event or a batch of up to 1,000; Idempotency-Key makes retries safe.")
            .Produces<EventsAnswer>(StatusCodes.Status200OK)
            .Produces<EventsAnswer>(StatusCodes.Status207MultiStatus)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PostAsync(
        string tenant, HttpRequest request, CustomEventReceiver receiver, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is over {MaxBodyBytes} bytes.");
        }
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON (Content-Type: application/json).");
        }
        var body = await ReadAsync(request, ct);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is over {MaxBodyBytes} bytes.");
        }
        var key = request.Headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : null;
        var outcome = await receiver.ReceiveAsync(tenant, body, key, ct);
        if (outcome.Json is not null)
        {
            if (outcome.Replayed)
            {
                request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            }
            return TypedResults.Text(outcome.Json, "application/json", System.Text.Encoding.UTF8, outcome.StatusCode);
        }
        return TypedResults.Problem(
            statusCode: outcome.StatusCode,
            title: outcome.Title ?? "One or more events are invalid.",
            extensions: outcome.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = outcome.Errors });
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

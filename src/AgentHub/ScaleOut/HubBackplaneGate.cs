using HelpdeskGamify.AgentHub.Security;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// While SignalR has lost Redis, a new hub connection cannot be subscribed to its groups and would be
/// closed by the server right after its handshake; answering its negotiate with 503 and
/// <c>Retry-After</c> instead tells the client to come back (the pages and widget retry with backoff).
/// Connections already open are left alone. Without Redis configured this does nothing.
/// </summary>
public sealed class HubBackplaneGate(RequestDelegate next)
{
    /// <summary>Seconds a client is asked to wait; the library reconnects within a few seconds of Redis returning.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Refuses new hub connections while the backplane is down.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (WidgetRoutes.IsHub(context.Request.Path) && !HttpMethods.IsOptions(context.Request.Method)
            && context.RequestServices.GetService<RedisBackplane>() is { Started: true, IsConnected: false })
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Live updates are unavailable for a moment.",
                detail: "This node has lost its connection to Redis, which carries pushes between nodes. Try again shortly.").ExecuteAsync(context);
        }
        return next(context);
    }
}

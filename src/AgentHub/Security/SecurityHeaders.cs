namespace HelpdeskGamify.AgentHub.Security;

/// <summary>
/// Headers on every response: no MIME sniffing, no referrer leaks, a CSP without inline scripts.
/// Only the agent and team pages may be framed, and only by the helpdesks' app hosts (the
/// Zendesk and Freshdesk apps show them in an iframe); everything else refuses framing.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The hosts allowed to frame <c>/agent</c> and <c>/team</c>.</summary>
    public static readonly IReadOnlyList<string> HelpdeskFrameHosts = ["https://*.zendesk.com", "https://*.freshdesk.com", "https://*.freshworks.com"];

    private static readonly string[] FramablePages = ["/agent", "/team"];

    private const string BasePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; ";

    private static readonly string FramablePolicy = BasePolicy + "frame-ancestors 'self' " + string.Join(' ', HelpdeskFrameHosts);
    private const string UnframablePolicy = BasePolicy + "frame-ancestors 'none'";

    /// <summary>Adds the headers before the response starts.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var framable = FramablePages.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = framable ? FramablePolicy : UnframablePolicy;
            if (!framable)
            {
                // Older browsers ignore frame-ancestors; they understand this.
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

namespace HelpdeskGamify.AgentHub.Security;

/// <summary>
/// Headers on every response: no MIME sniffing, no referrer leaks, a CSP without inline scripts.
/// Only the agent and team pages may be framed, and only by the helpdesks' app hosts (the
/// Zendesk and Freshdesk apps show them in an iframe); everything else refuses framing. Those two pages
/// also show agents' avatars, so only they may load images from the configured avatar hosts.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, Microsoft.Extensions.Options.IOptions<SecurityOptions> options)
{
    /// <summary>The hosts allowed to frame <c>/agent</c> and <c>/team</c>.</summary>
    public static readonly IReadOnlyList<string> HelpdeskFrameHosts = ["https://*.zendesk.com", "https://*.freshdesk.com", "https://*.freshworks.com"];

    private static readonly string[] FramablePages = ["/agent", "/team"];

    private const string Sources = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; ";

    private readonly string _framablePolicy = Sources + "img-src 'self' data: " + string.Join(' ', options.Value.AvatarImageHosts.Where(IsHttpsSource))
        + "; frame-ancestors 'self' " + string.Join(' ', HelpdeskFrameHosts);

    private const string UnframablePolicy = Sources + "img-src 'self' data:; frame-ancestors 'none'";

    // A CSP source list is split on spaces and ended by ';': a configured host may add one https source, nothing else.
    private static bool IsHttpsSource(string host) =>
        host.StartsWith("https://", StringComparison.Ordinal) && !host.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'' or '"');

    /// <summary>Adds the headers before the response starts.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var framable = FramablePages.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = framable ? _framablePolicy : UnframablePolicy;
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

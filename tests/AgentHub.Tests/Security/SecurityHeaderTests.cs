using System.Text.RegularExpressions;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Security;

public sealed partial class SecurityHeaderTests : IDisposable
{
    private readonly GameHost _host = new();

    [Theory]
    [InlineData("/agent")]
    [InlineData("/team")]
    public async Task Agent_and_team_pages_may_be_framed_only_by_the_helpdesk_app_hosts(string page)
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(page);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://*.zendesk.com https://*.freshdesk.com https://*.freshworks.com", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        AssertCommon(response, csp);
    }

    [Theory]
    [InlineData("/css/app.css")]
    [InlineData("/health/live")]
    [InlineData("/api/tenants/acme/leaderboards/agents")]
    [InlineData("/agent.html")]
    [InlineData("/no-such-page")]
    public async Task Everything_else_refuses_framing(string path)
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(path);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", string.Join(',', response.Headers.GetValues("X-Frame-Options")));
        AssertCommon(response, csp);
    }

    [Fact]
    public void Pages_carry_no_inline_scripts_or_event_handler_attributes()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "AgentHub", "wwwroot"), "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(HandlerAttribute(), html);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void AssertCommon(HttpResponseMessage response, string csp)
    {
        Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(',', response.Headers.GetValues("Referrer-Policy")));
        Assert.Matches("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HelpdeskGamify.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    public void Dispose() => _host.Dispose();
}

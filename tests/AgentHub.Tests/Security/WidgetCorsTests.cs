using System.Net;
using System.Net.Http.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Security;

public sealed class WidgetCorsTests : IDisposable
{
    private const string AcmeSite = "https://shop.acme.example";
    private const string GlobexSite = "https://www.globex.example";
    private readonly GameHost _host = new();

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "/api/tenants/acme/customers/7001", AcmeSite, true },
        { "/api/tenants/acme/customers/7001/ledger", AcmeSite, true },
        { "/api/tenants/acme/widget/session", AcmeSite, true },
        { "/api/tenants/acme/rewards", AcmeSite, true },
        { "/hubs/game/negotiate?negotiateVersion=1", AcmeSite, true },
        { "/hubs/game/negotiate?negotiateVersion=1", GlobexSite, true },
        { "/api/tenants/acme/customers/7001", GlobexSite, false },
        { "/api/tenants/acme/customers/7001", "https://evil.example", false },
        { "/api/tenants/acme/customers/7001", "https://shop.acme.example.evil.example", false },
        { "/api/tenants/acme/customers/7001", "http://shop.acme.example", false },
        { "/api/tenants/acme/customers/7001", "null", false },
        { "/hubs/game/negotiate?negotiateVersion=1", "https://evil.example", false },
        { "/api/tenants/acme/agents/9001", AcmeSite, false },
        { "/api/admin/tenants/acme", AcmeSite, false },
        { "/webhooks/zendesk/acme", AcmeSite, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Preflight_is_answered_only_for_the_tenants_own_widget_origins_on_widget_routes(string path, string origin, bool allowed)
    {
        await CreateTenantsAsync();
        using var client = _host.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", path.Contains("session", StringComparison.Ordinal) || path.StartsWith("/hubs", StringComparison.Ordinal) || path.StartsWith("/webhooks", StringComparison.Ordinal) ? "POST" : "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var response = await client.SendAsync(preflight);

        var granted = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(',', values) : null;
        Assert.Equal(allowed ? origin : null, granted);
    }

    [Fact]
    public async Task Actual_widget_request_from_an_allowed_origin_gets_the_origin_back_and_others_get_nothing()
    {
        await CreateTenantsAsync();
        using var client = _host.AdminClient();
        foreach (var (origin, expected) in new[] { (AcmeSite, AcmeSite), ("https://evil.example", null) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tenants/acme/leaderboards/customers");
            request.Headers.Add("Origin", origin);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var v) ? string.Join(',', v) : null);
        }
    }

    private async Task CreateTenantsAsync()
    {
        using var admin = _host.AdminClient();
        foreach (var (tenant, site) in new[] { ("acme", AcmeSite), ("globex", GlobexSite) })
        {
            using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new { name = tenant, platform = "zendesk", widgetOrigins = new[] { site } });
            response.EnsureSuccessStatusCode();
        }
    }

    public void Dispose() => _host.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Widget;

public sealed class WidgetSessionTests : IAsyncLifetime
{
    private readonly GameHost _host = new();
    private string _widgetSecret = "";
    private string _webhookSecret = "";

    public async Task InitializeAsync()
    {
        _webhookSecret = await _host.CreateZendeskTenantAsync("acme");
        _widgetSecret = "widget-secret-" + _webhookSecret;
        await _host.CreateZendeskTenantAsync("globex");
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Signed_identity_becomes_a_session_that_sees_the_customers_own_points()
    {
        using var client = _host.CreateClient();
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", _webhookSecret,
            ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "31", requesterId: "7001", satisfaction: "Good")))).EnsureSuccessStatusCode();

        var session = await ExchangeAsync("acme", CustomerIdentities.Sign(_widgetSecret, "7001", "Kari Nordmann", audience: "acme"));

        Assert.Equal("7001", session.GetProperty("customer").GetProperty("id").GetString());
        Assert.Equal("Kari N.", session.GetProperty("customer").GetProperty("displayName").GetString());
        using var customer = _host.ClientWithToken(session.GetProperty("token").GetString()!);
        await GameHost.WaitUntilAsync(async () =>
        {
            var me = await customer.GetFromJsonAsync<JsonElement>("/api/tenants/acme/customers/7001");
            return me.GetProperty("points").GetInt64() == 5;
        }, what: "the customer's rating points");
        using var other = await customer.GetAsync("/api/tenants/acme/customers/7002");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var agents = await customer.GetAsync("/api/tenants/acme/agents/9001");
        Assert.Equal(HttpStatusCode.Forbidden, agents.StatusCode);
        using var otherTenant = await customer.GetAsync("/api/tenants/globex/customers/7001");
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
    }


    [Fact]
    public async Task Invalid_identities_are_refused_with_401()
    {
        var tokens = new[]
        {
            "not-a-jwt",
            CustomerIdentities.Sign("wrong-secret-wrong-secret-wrong-secret", "7001"),
            CustomerIdentities.Sign(_widgetSecret, "7001", lifetime: TimeSpan.FromHours(48)),
            CustomerIdentities.Sign(_widgetSecret, "7001", lifetime: TimeSpan.FromMinutes(-5)),
            CustomerIdentities.Sign(_widgetSecret, "7001", audience: "globex"),
            Unsigned("7001"),
        };
        using var client = _host.CreateClient();
        foreach (var token in tokens)
        {
            using var response = await client.PostAsJsonAsync("/api/tenants/acme/widget/session", new { identityToken = token });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_can_read_how_the_programme_works()
    {
        using var client = _host.CreateClient();
        var programme = await client.GetFromJsonAsync<JsonElement>("/api/tenants/acme/widget/programme");
        Assert.Contains(programme.GetProperty("earn").EnumerateArray(), e => e.GetProperty("points").GetInt32() > 0);
        using var missing = await client.GetAsync("/api/tenants/nobody/widget/programme");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<JsonElement> ExchangeAsync(string tenant, string identity)
    {
        using var client = _host.CreateClient();
        using var response = await client.PostAsJsonAsync($"/api/tenants/{tenant}/widget/session", new { identityToken = identity });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Unsigned(string subject)
    {
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Part($"{{\"sub\":\"{subject}\",\"exp\":{exp}}}") + ".";
    }
}

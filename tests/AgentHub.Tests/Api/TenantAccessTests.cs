using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Api;

public sealed class TenantAccessTests : IAsyncLifetime
{
    private readonly GameHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.CreateZendeskTenantAsync("acme");
        await _host.CreateZendeskTenantAsync("globex");
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/api/tenants/globex/leaderboards/agents")]
    [InlineData("/api/tenants/globex/agents/9001")]
    [InlineData("/api/tenants/globex/agents/9001/ledger")]
    public async Task Token_of_one_tenant_is_refused_on_another(string path)
    {
        using var client = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task No_token_is_401()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync("/api/tenants/acme/leaderboards/agents");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Agent_cannot_read_another_agents_details()
    {
        using var client = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9001"));
        using var response = await client.GetAsync("/api/tenants/acme/agents/9002");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_routes_need_the_admin_key_not_a_token()
    {
        using var client = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        using var response = await client.PostAsJsonAsync("/api/admin/tenants/acme/tokens", new { role = "teamlead", subject = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_admin_key_is_401()
    {
        using var client = _host.ClientWithToken("not-the-admin-key");
        using var response = await client.GetAsync("/api/admin/tenants/acme");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Tenant_secrets_are_never_returned()
    {
        using var admin = _host.AdminClient();
        var text = await admin.GetStringAsync("/api/admin/tenants/acme");
        var view = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.True(view.GetProperty("secrets").GetProperty("zendeskWebhookSigningSecret").GetBoolean());
        Assert.DoesNotContain("messaging-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_tenant_request_names_the_fields()
    {
        using var admin = _host.AdminClient();
        using var response = await admin.PutAsJsonAsync("/api/admin/tenants/Bad_Slug", new { name = "", platform = "jira" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("tenant", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("platform", out _));
    }
}

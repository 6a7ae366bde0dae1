using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskGamify.AgentHub.Tests.Apps;

public sealed class AppSessionTests : IDisposable
{
    private const string AppSecret = "zendesk-app-shared-secret-0123456789abcdef";
    private readonly GameHost _host = new();

    [Fact]
    public async Task Signed_zendesk_app_token_is_exchanged_for_an_agent_token_of_that_user()
    {
        await CreateTenantAsync("acme");
        using var client = _host.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/tenants/acme/apps/zendesk/session", new { token = AppToken() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("9001", session.GetProperty("agentId").GetString());
        var token = session.GetProperty("token").GetString()!;
        using var agent = _host.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/tenants/acme/leaderboards/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/tenants/acme/stats/agents")).StatusCode);
    }

    [Fact]
    public async Task Zendesk_proxy_bearer_header_is_accepted_too()
    {
        await CreateTenantAsync("acme");
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/acme/apps/zendesk/session") { Content = JsonContent.Create(new { }) };
        request.Headers.Authorization = new("Bearer", AppToken());

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("too-long")]
    [InlineData("no-subject")]
    [InlineData("other-tenant")]
    [InlineData("freshdesk-route")]
    public async Task Bad_app_tokens_get_the_same_401(string flaw)
    {
        await CreateTenantAsync("acme");
        await CreateTenantAsync("globex");
        var now = DateTime.UtcNow;
        var token = flaw switch
        {
            "wrong-secret" => AppToken(secret: "another-secret-of-enough-length-0123456789"),
            "wrong-issuer" => AppToken(issuer: "evil.zendesk.com"),
            "wrong-audience" => AppToken(audience: "helpdeskgamify:globex"),
            "expired" => AppToken(expires: now.AddMinutes(-5)),
            "too-long" => AppToken(expires: now.AddDays(3)),
            "no-subject" => AppToken(subject: null),
            _ => AppToken(),
        };
        var path = flaw switch
        {
            "other-tenant" => "/api/tenants/globex/apps/zendesk/session",
            "freshdesk-route" => "/api/tenants/acme/apps/freshdesk/session",
            _ => "/api/tenants/acme/apps/zendesk/session",
        };
        using var client = _host.CreateClient();

        using var response = await client.PostAsJsonAsync(path, new { token });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task App_shared_secret_is_write_only()
    {
        await CreateTenantAsync("acme");
        using var admin = _host.AdminClient();

        var body = await admin.GetStringAsync("/api/admin/tenants/acme");

        Assert.DoesNotContain(AppSecret, body, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("secrets").GetProperty("zendeskAppSharedSecret").GetBoolean());
    }

    private async Task CreateTenantAsync(string tenant)
    {
        using var admin = _host.AdminClient();
        using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new
        {
            name = tenant,
            platform = "zendesk",
            zendesk = new { subdomain = tenant, webhookSigningSecret = "whsec-" + tenant, appSharedSecret = tenant == "acme" ? AppSecret : AppSecret + "-globex" },
        });
        response.EnsureSuccessStatusCode();
    }

    private static string AppToken(string secret = AppSecret, string issuer = "acme.zendesk.com", string audience = "helpdeskgamify:acme",
        DateTime? expires = null, string? subject = "9001")
    {
        var claims = new Dictionary<string, object> { ["name"] = "Ingrid" };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        var issued = exp < DateTime.UtcNow ? exp.AddMinutes(-2) : DateTime.UtcNow.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = exp,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
    }

    public void Dispose() => _host.Dispose();
}

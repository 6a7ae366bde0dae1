using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Boards;

public sealed class AgentAvatarsTests : IDisposable
{
    private readonly GameHost _host = new(new Dictionary<string, string?> { ["Security:AvatarImageHosts:0"] = "https://avatars.example.test" });

    [Fact]
    public async Task Staff_get_https_avatars_only_and_hidden_agents_keep_theirs_to_themselves()
    {
        await _host.CreateZendeskTenantAsync("acme");
        await _host.CreateZendeskTenantAsync("globex");
        await _host.Service<DirectoryStore>().UpsertAsync("acme", ParticipantKinds.Agent,
        [
            new("9001", "Ingrid Dahl", "Tier 1", "https://avatars.example.test/9001.png"),
            new("9002", "Ola Nordmann", "Tier 1", "http://avatars.example.test/9002.png"),
            new("9003", "Kari", "Tier 1", "javascript:alert(1)"),
            new("9004", "Hidden Hanne", "Tier 1", "https://avatars.example.test/9004.png"),
            new("9005", "No Picture", "Tier 1", null),
        ]);
        await _host.Service<DirectoryStore>().UpsertAsync("globex", ParticipantKinds.Agent, [new("9001", "Globex Gro", "Tier 1", "https://avatars.example.test/globex.png")]);
        await _host.Service<OptOutRegistry>().SetAsync("acme", "9004", hidden: true);
        var issuer = _host.Service<TokenIssuer>();

        var lead = await AvatarsAsync(issuer.Issue("acme", Roles.TeamLead, "lead"));
        var hidden = await AvatarsAsync(issuer.Issue("acme", Roles.Agent, "9004"));

        Assert.Equal(new Dictionary<string, string> { ["9001"] = "https://avatars.example.test/9001.png" }, lead);
        Assert.Equal("https://avatars.example.test/9004.png", hidden["9004"]);
        Assert.Equal("https://avatars.example.test/9001.png", hidden["9001"]);
        foreach (var outsider in new[] { issuer.Issue("acme", Roles.Customer, "7001"), issuer.Issue("globex", Roles.TeamLead, "lead") })
        {
            using var client = _host.ClientWithToken(outsider);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/tenants/acme/avatars/agents")).StatusCode);
        }
    }

    [Fact]
    public async Task Only_the_agent_and_team_pages_may_load_images_from_avatar_hosts()
    {
        using var client = _host.CreateClient();
        foreach (var page in new[] { "/agent", "/team" })
        {
            using var response = await client.GetAsync(page);
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("img-src 'self' data: https://*.zendesk.com", csp, StringComparison.Ordinal);
            Assert.Contains(" https://avatars.example.test;", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("img-src 'self' data: http:", csp, StringComparison.Ordinal);
        }
        using var demo = await client.GetAsync("/css/app.css");
        Assert.Contains("img-src 'self' data:;", string.Join(' ', demo.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> AvatarsAsync(string token)
    {
        using var client = _host.ClientWithToken(token);
        var body = await client.GetFromJsonAsync<JsonElement>("/api/tenants/acme/avatars/agents");
        return body.GetProperty("avatars").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    public void Dispose() => _host.Dispose();
}

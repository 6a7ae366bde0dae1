using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Boards;

public sealed class BoardViewsApiTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task My_team_ranks_teammates_only_and_around_me_centres_on_the_caller()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        // 9001: 10, 9002: 20 (Tier 1); 9003: 30, 9004: 40 (Tier 2)
        var ticket = 0;
        foreach (var (agent, group, solves) in new[] { ("9001", "Tier 1", 1), ("9002", "Tier 1", 2), ("9003", "Tier 2", 3), ("9004", "Tier 2", 4) })
        {
            for (var i = 0; i < solves; i++)
            {
                await Scenario.SolveAsync(_host, "acme", secret, (++ticket).ToString(System.Globalization.CultureInfo.InvariantCulture), agent, "Agent " + agent, group);
            }
        }
        await Scenario.WaitForPointsAsync(_host, "acme", "9004", 40);
        using var agent1 = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9001"));

        var team = await agent1.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents/my-team?period=all");
        var otherTeamAsked = await agent1.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents/my-team?period=all&team=Tier%202");
        var around = await agent1.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents/around-me?period=all&radius=1");

        Assert.Equal(["9002", "9001"], team.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("participantId").GetString()));
        Assert.Equal(2, team.GetProperty("me").GetProperty("rank").GetInt32());
        Assert.Equal(["9002", "9001"], otherTeamAsked.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("participantId").GetString()));
        Assert.Equal(["9002", "9001"], around.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("participantId").GetString()));
        Assert.Equal(4, around.GetProperty("me").GetProperty("rank").GetInt32());
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead"));
        var tier2 = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents/my-team?period=all&team=Tier%202");
        Assert.Equal(["9004", "9003"], tier2.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("participantId").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await agent1.GetAsync("/api/tenants/acme/leaderboards/agents/around-me?period=year")).StatusCode);
    }

    [Fact]
    public async Task Ticket_links_follow_the_tenants_helpdesk_address()
    {
        await _host.CreateZendeskTenantAsync("acme");
        using var agent = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9001"));

        var links = await agent.GetFromJsonAsync<JsonElement>("/api/tenants/acme/links");

        Assert.Equal("https://acme.zendesk.com/agent/tickets/{ticket}", links.GetProperty("ticketUrl").GetString());
    }

    public void Dispose() => _host.Dispose();
}

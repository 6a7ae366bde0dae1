using System.Collections.Concurrent;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.AgentHub.Tests.Hubs;

public sealed class GameHubGroupTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Personal_team_and_tenant_pushes_reach_only_their_groups()
    {
        var acme = await _host.CreateZendeskTenantAsync("acme");
        var globex = await _host.CreateZendeskTenantAsync("globex");
        // Teams are learned from the helpdesk group on the agents' tickets.
        await Scenario.SolveAsync(_host, "acme", acme, "1", "9001", "Ingrid", "Tier 1");
        await Scenario.SolveAsync(_host, "acme", acme, "2", "9002", "Ola", "Tier 1");
        await Scenario.SolveAsync(_host, "acme", acme, "3", "9003", "Per", "Tier 2");
        await Scenario.SolveAsync(_host, "globex", globex, "4", "9001", "Other Ingrid", "Tier 1");
        await Scenario.WaitForPointsAsync(_host, "acme", "9003", 10);
        await Scenario.WaitForPointsAsync(_host, "globex", "9001", 10);

        await using var me = await Listen("acme", "9001");
        await using var teammate = await Listen("acme", "9002");
        await using var otherTeam = await Listen("acme", "9003");
        await using var otherTenant = await Listen("globex", "9001");

        await Scenario.SolveAsync(_host, "acme", acme, "5", "9002", "Ola", "Tier 1");
        await GameHost.WaitUntilAsync(() => Task.FromResult(teammate.Count("pointsAwarded") == 1), what: "the teammate's own award");
        // Untyped on purpose: the test needs any push to the team group, whatever a badge message carries.
        var hub = _host.Service<IHubContext<GameHub>>();
        await hub.Clients.Group(HubGroups.Team("acme", "Tier 1")).SendAsync("badgeEarned", new { badge = "team-spirit" });
        await GameHost.WaitUntilAsync(() => Task.FromResult(me.Count("badgeEarned") == 1 && teammate.Count("badgeEarned") == 1), what: "the team push");
        await GameHost.WaitUntilAsync(() => Task.FromResult(me.Count("leaderboardChanged") >= 1 && otherTeam.Count("leaderboardChanged") >= 1), what: "the tenant's board push");
        await Task.Delay(300);

        Assert.Equal(0, me.Count("pointsAwarded"));
        Assert.Equal(0, otherTeam.Count("pointsAwarded"));
        Assert.Equal(0, otherTeam.Count("badgeEarned"));
        Assert.Equal(0, otherTenant.Total);
    }

    private async Task<Listener> Listen(string tenant, string agent)
    {
        var listener = new Listener(_host.Hub(await _host.TokenAsync(tenant, "agent", agent)));
        await listener.Connection.StartAsync();
        return listener;
    }

    public void Dispose() => _host.Dispose();

    private sealed class Listener : IAsyncDisposable
    {
        private readonly ConcurrentBag<string> _seen = [];

        public Listener(HubConnection connection)
        {
            Connection = connection;
            foreach (var method in new[] { "pointsAwarded", "leaderboardChanged", "badgeEarned" })
            {
                connection.On<JsonElement>(method, _ => _seen.Add(method));
            }
        }

        public HubConnection Connection { get; }

        public int Total => _seen.Count;

        public int Count(string method) => _seen.Count(m => m == method);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}

using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Kudos;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring.Ledger;

/// <summary>
/// Entries with no group of their own (kudos, facts without a group) are credited to the team the agent was in as of the
/// entry's time, and move when a fact arriving late changes that team; a fact after the entry's time does not move it.
/// </summary>
public sealed class TeamCreditTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(T);
        await _engine.ScalarAsync<long>("INSERT INTO tenants (id, name, platform, settings_protected, widget_origins, created_at_ms, updated_at_ms) VALUES ('acme', 'Acme', 'zendesk', '', '[]', 0, 0); SELECT 1");
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Kudos_and_a_fact_without_a_group_move_with_a_late_fact_that_changes_the_team_as_of_their_time()
    {
        // a3 is in Tier 2 from T-3h (a solve still pending, so nothing on the boards), then gets kudos at T and settles a
        // ticket whose facts carry no group at T-30min.
        await ScoreAsync(Events.Ticket(TicketSolved, "1", T.AddHours(-3), "a3", group: "Tier 2"));
        await _engine.Get<KudosService>().GiveAsync("acme", "a1", "a3", "thanks");
        await ScoreAsync(Events.Ticket(TicketSolved, "2", T.AddMinutes(-30), "a3", resolutionSeconds: 600) with { Group = null },
            Events.Ticket(SatisfactionRated, "2", T.AddMinutes(-20), "a3", rating: SatisfactionRating.Good) with { Group = null });
        var ungrouped = await TeamPointsAsync("Tier 2") - 3;
        Assert.True(ungrouped > 0);
        Assert.Equal(0, await TeamPointsAsync("Tier 1"));

        // A fact of T-1h for Tier 1 arrives late: as of T-30min and T, a3 was in Tier 1, so both entries move there.
        await ScoreAsync(Events.Ticket(TicketReopened, "9", T.AddHours(-1), "a3", group: "Tier 1"));
        Assert.Equal(ungrouped + 3, await TeamPointsAsync("Tier 1"));
        Assert.Equal(0, await TeamPointsAsync("Tier 2"));
        Assert.Equal(ungrouped + 3, await TeamAgentPointsAsync("Tier 1", "a3"));
        Assert.Equal(0, await TeamAgentPointsAsync("Tier 2", "a3"));

        // A fact after both (Tier 2 again at T+1h) moves a3 now, but not what was credited as of earlier times.
        _engine.Clock.Advance(TimeSpan.FromHours(2));
        await ScoreAsync(Events.Ticket(TicketReopened, "8", T.AddHours(1), "a3", group: "Tier 2"));
        Assert.Equal(ungrouped + 3, await TeamPointsAsync("Tier 1"));
        Assert.Equal("Tier 2", await _engine.ScalarAsync<string>("SELECT team FROM participants WHERE external_id = 'a3' AND kind = 'agent'"));

        // The earliest fact moving back to before everything: as of T-30min and T, still Tier 1 (the T-1h fact decides).
        await ScoreAsync(Events.Ticket(TicketReopened, "7", T.AddHours(-5), "a3", group: "Tier 3"));
        Assert.Equal(ungrouped + 3, await TeamPointsAsync("Tier 1"));
        Assert.Equal(0, await TeamPointsAsync("Tier 3"));
    }

    [Fact]
    public async Task Kudos_before_any_fact_follow_the_first_team_and_then_the_team_as_of_their_time()
    {
        await _engine.Get<KudosService>().GiveAsync("acme", "a1", "a3", "welcome");
        Assert.Equal(0, await TeamPointsAsync("Tier 1"));

        // a3's first fact (after the kudos): before their first fact, the first fact's team.
        await ScoreAsync(Events.Ticket(TicketReopened, "1", T.AddHours(2), "a3", group: "Tier 2"));
        Assert.Equal(3, await TeamPointsAsync("Tier 2"));

        // An earlier fact: as of the kudos, a3 was in Tier 1.
        await ScoreAsync(Events.Ticket(TicketReopened, "2", T.AddHours(-2), "a3", group: "Tier 1"));
        Assert.Equal(3, await TeamPointsAsync("Tier 1"));
        Assert.Equal(0, await TeamPointsAsync("Tier 2"));
        Assert.Equal("Tier 2", await _engine.ScalarAsync<string>("SELECT team FROM participants WHERE external_id = 'a3' AND kind = 'agent'"));
    }

    private async Task ScoreAsync(params HelpdeskEvent[] facts)
    {
        foreach (var e in facts)
        {
            await _engine.DeliverAsync("acme", e);
        }
        await _engine.ScoreAllAsync();
    }

    private async Task<long> TeamPointsAsync(string team) =>
        (await _engine.QueryAsync<long>("SELECT points FROM leaderboard_totals WHERE tenant_id = 'acme' AND board = 'teams' AND period_key = 'all' AND member_key = @Team",
            new { Team = team })).SingleOrDefault();

    private async Task<long> TeamAgentPointsAsync(string team, string agent) =>
        (await _engine.QueryAsync<long>("SELECT points FROM leaderboard_totals WHERE tenant_id = 'acme' AND board = @Board AND period_key = 'all' AND member_key = @Agent",
            new { Board = LeaderboardReader.TeamAgentsBoard(team), Agent = agent })).SingleOrDefault();
}

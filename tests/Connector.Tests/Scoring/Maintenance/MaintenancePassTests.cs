using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Maintenance;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring.Maintenance;

public sealed class MaintenancePassTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastSeason = new(2026, 8, 10, 9, 0, 0, TimeSpan.Zero);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(Now);
        await _engine.ScalarAsync<long>("INSERT INTO tenants (id, name, platform, settings_protected, widget_origins, created_at_ms, updated_at_ms) VALUES ('acme', 'Acme', 'zendesk', '', '[]', 0, 0); SELECT 1");
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Ended_season_awards_its_trophies_once()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", LastSeason));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "1", LastSeason.AddHours(1), rating: SatisfactionRating.Good));
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "2", LastSeason, agent: "a2", resolutionSeconds: 600));
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "3", Now, agent: "a2", priority: "urgent", resolutionSeconds: 600));
        await _engine.ScoreAllAsync();

        await _engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);
        await _engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);

        var trophies = await _engine.QueryAsync<(string Trophy, string Winner, string Season)>("SELECT trophy, participant_external_id, season_key FROM season_trophies WHERE trophy <> '(checked)' ORDER BY trophy");
        Assert.Equal([("overall", "a1", "s:2026-Q3"), ("quality", "a1", "s:2026-Q3"), ("speed", "a2", "s:2026-Q3")], trophies);
        var pushed = _engine.Notifier.Outcomes.SelectMany(o => o.Badges).Where(b => b.BadgeId.StartsWith("trophy:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pushed.Count);
        Assert.Contains(pushed, b => b.ParticipantId == "a2" && b.Name == "Season trophy: Speed" && b.Tier == "s:2026-Q3");
        // The season's end is announced once (the second run finds it decided), and becomes a season.ended outbound event.
        var ended = Assert.Single(_engine.Notifier.Outcomes.SelectMany(o => o.SeasonsEnded));
        Assert.Equal("2026-Q3", ended.Season);
        Assert.Contains(ended.Trophies, t => t.Trophy == "speed" && t.ParticipantId == "a2");
        var outbound = HelpdeskGamify.Connector.Outbound.AwardOutbox.Events(new HelpdeskGamify.Connector.Scoring.ScoringOutcome([], []) { SeasonsEnded = [ended] });
        Assert.Equal("season.ended", Assert.Single(outbound).EventType);
    }

    [Fact]
    public async Task Customer_points_expire_after_the_inactivity_period_without_touching_boards()
    {
        await _engine.DeliverAsync("acme", Events.Loose(ReviewCompleted, "r1", Now));
        await _engine.ScoreAllAsync();
        await _engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);
        Assert.Equal((20L, 0L), (await _engine.LedgerTotalsAsync("acme"))["customer:c1"]);

        _engine.Clock.Advance(TimeSpan.FromDays(366));
        await _engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);
        await _engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);

        Assert.False((await _engine.LedgerTotalsAsync("acme")).ContainsKey("customer:c1"));
        Assert.Equal(1, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM ledger WHERE entry_kind = 'expiry' AND points = -20"));
        Assert.Equal(20, await _engine.ScalarAsync<long>("SELECT points FROM leaderboard_totals WHERE board = 'customers' AND period_key = 'all'"));
    }
}

using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Maintenance;
using HelpdeskGamify.Connector.Scoring.Seasons;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring.Seasons;

public sealed class SeasonGraceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset LastDay = new(2026, 9, 30, 10, 0, 0, TimeSpan.Zero);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(LastDay.AddDays(2));
        await _engine.ScalarAsync<long>("INSERT INTO tenants (id, name, platform, settings_protected, widget_origins, created_at_ms, updated_at_ms) VALUES ('acme', 'Acme', 'zendesk', '', '[]', 0, 0); SELECT 1");
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task SolveAsync(string ticket, string agent, DateTimeOffset at, string priority = "normal")
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, ticket, at, agent: agent, priority: priority));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, ticket, at.AddMinutes(10), agent: agent, rating: SatisfactionRating.Neutral));
    }

    private Task<IReadOnlyList<(string Trophy, string Winner)>> TrophiesAsync() =>
        _engine.QueryAsync<(string, string)>("SELECT trophy, participant_external_id FROM season_trophies WHERE season_key = 's:2026-Q3' AND trophy <> '(checked)' ORDER BY trophy");

    [Fact]
    public async Task Late_facts_of_the_season_move_a_trophy_during_the_grace_period_and_not_after()
    {
        await SolveAsync("1", "a1", LastDay);
        await _engine.ScoreAllAsync();
        await _engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);
        Assert.Equal([("overall", "a1")], await TrophiesAsync());

        // An urgent solve of the season's last day, delivered two days into the next season.
        await SolveAsync("2", "a2", LastDay.AddHours(3), priority: "urgent");
        await _engine.ScoreAllAsync();
        await _engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);

        Assert.Equal([("overall", "a2")], await TrophiesAsync());
        var holders = await _engine.QueryAsync<string>("SELECT p.external_id FROM participant_badges b JOIN participants p ON p.id = b.participant_id WHERE b.badge_id = 'trophy:overall'");
        Assert.Equal(["a2"], holders);
        Assert.Equal(["a1", "a2"], _engine.Notifier.Outcomes.SelectMany(o => o.SeasonsEnded).Select(s => s.Trophies.Single().ParticipantId));

        _engine.Clock.Advance(SeasonTrophies.Grace);
        await SolveAsync("3", "a1", LastDay.AddHours(4), priority: "urgent");
        await SolveAsync("4", "a1", LastDay.AddHours(5), priority: "urgent");
        await _engine.ScoreAllAsync();
        await _engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);

        Assert.Equal([("overall", "a2")], await TrophiesAsync()); // the season is final after its grace period
    }
}

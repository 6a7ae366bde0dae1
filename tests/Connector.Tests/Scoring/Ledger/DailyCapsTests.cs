using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Rules;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring.Ledger;

public sealed class DailyCapsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(T0.AddHours(12));
        // Two solves' worth of solve points per day.
        await _engine.Get<RuleBook>().ReplaceAsync("acme", DefaultRules.Set with
        {
            Quests = [],
            Rules = DefaultRules.Set.Rules.Select(r => r.Id == "agent.ticket-solved" ? r with { DailyCap = 20 } : r).ToList(),
        });
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private static DayClaim Claim(string key, int minute, long balance, long pending = 0) =>
        new(key, null, "productivity", "r", T0.AddMinutes(minute).ToUnixTimeMilliseconds(), balance, pending, 0, 0);

    [Fact]
    public void The_cap_goes_to_the_earliest_claims_whatever_order_they_are_listed_in()
    {
        var claims = new[] { Claim("c", 30, 10), Claim("a", 10, 0, 10), Claim("b", 20, 10), Claim("penalty", 5, -10) };

        var shares = DailyCaps.Share(claims.Reverse(), 15).ToDictionary(s => s.Claim.AwardKey, s => s.Share);

        Assert.Equal((0L, 10L), shares["a"]);
        Assert.Equal((5L, 0L), shares["b"]);
        Assert.Equal((0L, 0L), shares["c"]);
        Assert.Equal((-10L, 0L), shares["penalty"]); // penalties are never capped and take no room
        Assert.Equal((10L, 0L), DailyCaps.Share(claims, null).Single(s => s.Claim.AwardKey == "c").Share);
    }

    [Fact]
    public async Task A_clawback_frees_room_for_the_days_later_solves_and_a_late_morning_solve_takes_it_back()
    {
        foreach (var (ticket, hour) in new[] { ("1", 0), ("2", 1), ("3", 2) })
        {
            await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, ticket, T0.AddHours(hour)));
            await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, ticket, T0.AddHours(hour).AddMinutes(5), rating: SatisfactionRating.Neutral));
        }
        await _engine.ScoreAllAsync();
        Assert.Equal(20, await SolvePointsAsync());
        Assert.Equal(0, await SolvePointsAsync("3"));

        await _engine.DeliverAsync("acme", Events.Ticket(TicketReopened, "1", T0.AddHours(3)));
        await _engine.ScoreAllAsync();
        Assert.Equal(20, await SolvePointsAsync());
        Assert.Equal(10, await SolvePointsAsync("3"));
        Assert.Contains("daily cap of 20 shared out again", await _engine.ScalarAsync<string>("SELECT reason FROM ledger WHERE ticket_id = '3' AND rule_id = 'agent.ticket-solved' AND points > 0"));

        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "0", T0.AddMinutes(-30)));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "0", T0.AddMinutes(-20), rating: SatisfactionRating.Good));
        await _engine.ScoreAllAsync();
        Assert.Equal(20, await SolvePointsAsync());
        Assert.Equal((10, 10, 0), (await SolvePointsAsync("0"), await SolvePointsAsync("2"), await SolvePointsAsync("3")));
    }

    private Task<long> SolvePointsAsync(string? ticket = null) =>
        _engine.ScalarAsync<long>("SELECT COALESCE(SUM(points), 0) FROM ledger WHERE rule_id = 'agent.ticket-solved' AND (@Ticket IS NULL OR ticket_id = @Ticket)", new { Ticket = ticket });
}

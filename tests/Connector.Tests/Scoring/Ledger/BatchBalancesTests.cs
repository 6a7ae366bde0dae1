using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.Connector.Tests.Scoring.Ledger;

/// <summary>
/// The scorer writes each person's balance once per batch (LedgerWriter.FlushBalancesAsync): every notification must still carry
/// the balance right after its own entry, and every stored balance must equal the person's ledger.
/// </summary>
public sealed class BatchBalancesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(T0);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Each_notification_carries_the_balance_after_its_entry_and_balances_equal_the_ledger()
    {
        // One batch: three agents solve tickets for two customers, several entries each (solve, fast, first contact), some
        // settled at once, some pending, then good and bad ratings (customers earn, agents gain and lose).
        await _engine.Get<RuleSetStore>().SaveAsync("acme", DefaultRules.Set with { Pending = new PendingPolicy { WindowHours = 0 } });
        for (var i = 0; i < 12; i++)
        {
            await _engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.TicketSolved, "t" + i, T0.AddMinutes(i), agent: "a" + (i % 3),
                customer: "c" + (i % 2), resolutionSeconds: i % 2 == 0 ? 600 : null));
        }
        for (var i = 0; i < 6; i++)
        {
            await _engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.SatisfactionRated, "t" + i, T0.AddMinutes(30 + i), agent: "a" + (i % 3),
                customer: "c" + (i % 2), rating: i == 4 ? SatisfactionRating.Bad : SatisfactionRating.Good));
        }
        await _engine.ScoreAllAsync();
        await _engine.Get<RuleBook>().ReplaceAsync("acme", DefaultRules.Set);
        for (var i = 12; i < 16; i++)
        {
            await _engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.TicketSolved, "t" + i, T0.AddMinutes(40 + i), agent: "a1", customer: "c1"));
        }
        await _engine.ScoreAllAsync();

        var awards = _engine.Notifier.Outcomes.SelectMany(o => o.Awards).ToList();
        var ledger = await _engine.QueryAsync<(long Id, string Kind, string Person, long Points, long Pending)>("""
            SELECT l.id, p.kind, p.external_id, l.points, l.pending_points FROM ledger l JOIN participants p ON p.id = l.participant_id
            WHERE l.tenant_id = 'acme' ORDER BY l.id
            """);
        Assert.Equal(ledger.Count, awards.Count);
        Assert.True(awards.Select(a => a.ParticipantId).Distinct().Count() >= 5);
        Assert.Contains(awards, a => a.Points < 0);
        Assert.Contains(awards, a => a.PendingPoints > 0);
        foreach (var award in awards)
        {
            var upTo = ledger.Where(l => l.Kind == award.ParticipantKind && l.Person == award.ParticipantId && l.Id <= award.LedgerId).ToList();
            Assert.Equal((upTo.Sum(l => l.Points), upTo.Sum(l => l.Pending)), (award.Total, award.Pending));
        }
        var balances = await _engine.QueryAsync<(string Kind, string Person, long Balance, long Pending, long Earned)>("""
            SELECT p.kind, p.external_id, b.balance, b.pending, b.earned FROM participant_balances b JOIN participants p ON p.id = b.participant_id
            WHERE b.tenant_id = 'acme' AND (b.balance <> 0 OR b.pending <> 0)
            """);
        Assert.Equal(await _engine.LedgerTotalsAsync("acme"), balances.ToDictionary(b => b.Kind + ":" + b.Person, b => (b.Balance, b.Pending)));
        // Nothing was spent, so lifetime earned points are the balance.
        Assert.All(balances, b => Assert.Equal(b.Balance, b.Earned));
    }
}

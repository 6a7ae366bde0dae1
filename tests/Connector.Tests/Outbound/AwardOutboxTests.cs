using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Outbound;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Tests.Scoring;

namespace HelpdeskGamify.Connector.Tests.Outbound;

/// <summary>A scoring batch appends its outbox events in a few multi-row statements: every event, in the order of the outcome.</summary>
public sealed class AwardOutboxTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_award_of_a_batch_becomes_one_event_in_ledger_order()
    {
        await using var engine = await EngineHarness.StartAsync(T0);
        await engine.Get<RuleSetStore>().SaveAsync("acme", DefaultRules.Set with { Pending = new PendingPolicy { WindowHours = 0 } });
        for (var i = 0; i < 70; i++)
        {
            await engine.DeliverAsync("acme", Scoring.Events.Ticket(HelpdeskEventKind.TicketSolved, "t" + i, T0.AddMinutes(i), agent: "a" + (i % 9), group: "Team " + (i % 3)));
        }
        await engine.ScoreAllAsync();

        var events = await engine.QueryAsync<(long Id, string TenantId, string EventType, string PayloadJson, long CreatedAtMs)>(
            "SELECT id, tenant_id, event_type, payload_json, created_at_ms FROM outbox_events ORDER BY id");
        var awarded = events.Where(e => e.EventType == OutboundEventTypes.PointsAwarded)
            .Select(e => JsonDocument.Parse(e.PayloadJson).RootElement.GetProperty("ledgerId").GetInt64()).ToList();
        var ledger = await engine.QueryAsync<long>("SELECT id FROM ledger WHERE tenant_id = 'acme' AND points > 0 ORDER BY id");
        Assert.Equal(ledger, awarded);
        Assert.All(events, e => Assert.Equal(("acme", T0.ToUnixTimeMilliseconds()), (e.TenantId, e.CreatedAtMs)));
        var published = engine.Notifier.Outcomes.SelectMany(AwardOutbox.Events).Select(e => e.EventType).ToList();
        Assert.Equal(published, events.Select(e => e.EventType));
    }
}

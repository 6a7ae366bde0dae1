using System.Data.Common;
using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Scoring;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>Writes award events to <c>outbox_events</c>; the <see cref="WebhookDispatcher"/> delivers them after commit.</summary>
public sealed class AwardOutbox(TimeProvider clock) : IAwardOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Insert = """
        INSERT INTO outbox_events (tenant_id, event_type, payload_json, created_at_ms, fanned_out)
        VALUES (@TenantId, @EventType, @PayloadJson, @NowMs, 0)
        """;

    /// <inheritdoc />
    public async Task AppendAsync(DbConnection connection, DbTransaction tx, ScoringOutcome outcome, CancellationToken ct)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var e in Events(outcome))
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert,
                new { e.TenantId, e.EventType, PayloadJson = JsonSerializer.Serialize(e.Data, Json), NowMs = nowMs }, tx, cancellationToken: ct));
        }
    }

    /// <summary>
    /// What a scoring outcome tells subscribers. A new kind of outcome (badge earned, level changed,
    /// quest completed, reward redeemed, season ended) is one more line here.
    /// </summary>
    public static IEnumerable<OutboxEvent> Events(ScoringOutcome outcome) =>
        outcome.Awards.Where(a => a.Points != 0 && a.EntryKind != "redemption")
            .Select(a => new OutboxEvent(a.TenantId, a.Points < 0 ? OutboundEventTypes.PointsClawedBack : OutboundEventTypes.PointsAwarded, a))
            .Concat(outcome.Badges.Select(b => new OutboxEvent(b.TenantId, OutboundEventTypes.BadgeEarned, b)))
            .Concat(outcome.Levels.Select(l => new OutboxEvent(l.TenantId, OutboundEventTypes.LevelChanged, l)))
            .Concat(outcome.Quests.Where(q => q.Quest.Completed).Select(q => new OutboxEvent(q.TenantId, OutboundEventTypes.QuestCompleted, q)))
            .Concat(outcome.Redemptions.Select(r => new OutboxEvent(r.TenantId, OutboundEventTypes.RewardRedeemed, r)))
            .Concat(outcome.SeasonsEnded.Select(e => new OutboxEvent(e.TenantId, OutboundEventTypes.SeasonEnded, e)));
}

/// <summary>One event for subscribers: its type and its <c>data</c> object.</summary>
public sealed record OutboxEvent(string TenantId, string EventType, object Data);

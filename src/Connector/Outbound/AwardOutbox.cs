using System.Data.Common;
using System.Text.Json;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>Writes award events to <c>outbox_events</c>; the <see cref="WebhookDispatcher"/> delivers them after commit.</summary>
public sealed class AwardOutbox(Database database, TimeProvider clock) : IAwardOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task AppendAsync(DbConnection connection, DbTransaction tx, ScoringOutcome outcome, CancellationToken ct)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // A batch's events in a few statements, in order (ids follow @Seq), instead of one insert each.
        foreach (var chunk in Events(outcome).Chunk(MultiRowSql.MaxRows))
        {
            await using var command = MultiRowSql.Command(connection, tx, database.Dialect.InsertOutboxEvents, MultiRowSql.OutboxEventsRow, chunk.Length);
            MultiRowSql.Bind(command, "NowMs", nowMs);
            for (var i = 0; i < chunk.Length; i++)
            {
                MultiRowSql.Bind(command, MultiRowSql.Parameter("Seq", i), i);
                MultiRowSql.Bind(command, MultiRowSql.Parameter("TenantId", i), chunk[i].TenantId);
                MultiRowSql.Bind(command, MultiRowSql.Parameter("EventType", i), chunk[i].EventType);
                MultiRowSql.Bind(command, MultiRowSql.Parameter("PayloadJson", i), JsonSerializer.Serialize(chunk[i].Data, Json));
            }
            await command.ExecuteNonQueryAsync(ct);
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

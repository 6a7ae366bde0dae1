using System.Data.Common;
using System.Globalization;
using Dapper;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// The other half of <see cref="FreshdeskWebhookProbe"/>: an automation delivery that arrives after a
/// backfill or reconcile imported the same fact is a duplicate. Imported facts keep their ordinary
/// natural keys (<c>freshworks|{Kind}|t:{ticket}|{yyyyMMddHHmm}…</c>, stable across runs and
/// releases), which sort by time within a ticket and kind, so the check is one index range read:
/// an imported fact of the same kind for the same ticket from up to <see cref="FreshdeskWebhookProbe.LateArrival"/>
/// before the delivery (Freshdesk defers deliveries up to a day) until a few minutes after it. For a
/// resolution or reopen, the import must also be the ticket's latest change of that kind: a reopen
/// (or resolution) recorded between the import and the delivery means the delivery reports a new one.
/// </summary>
internal static class FreshdeskImportedFacts
{
    private const string MinuteFormat = "yyyyMMddHHmm";
    private const string TicketScopePrefix = "freshdesk|t:";

    internal const string SelectKeysInRange = """
        SELECT natural_key FROM inbox
        WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To
        """;

    // On a staging connection (InboxStaging): the staging file and the attached main file.
    internal const string SelectKeysInRangeStagedSqlite = """
        SELECT natural_key FROM inbox WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To
        UNION ALL
        SELECT natural_key FROM hub.inbox WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To
        """;

    /// <summary>The natural-key prefix of imported facts of <paramref name="kind"/> for a ticket; a minute stamp follows it.</summary>
    public static string Prefix(HelpdeskEventKind kind, string ticketId) => $"freshworks|{kind}|t:{ticketId}|";

    /// <summary>The stable id of an imported reply, so that its natural key sorts by time like the others.</summary>
    public static string ReplyId(DateTimeOffset at, long conversationId) =>
        at.UtcDateTime.ToString(MinuteFormat + "ss", CultureInfo.InvariantCulture) + ":conversation:" + conversationId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the automation delivery <paramref name="item"/> reports a fact already imported from the API.</summary>
    public static async Task<bool> ImportedAsync(DbConnection connection, DbTransaction tx, InboxItem item, bool staged, CancellationToken ct)
    {
        if (item.Source != "freshdesk" || item.SequenceScope is not { } scope || !scope.StartsWith(TicketScopePrefix, StringComparison.Ordinal)
            || !Enum.TryParse<HelpdeskEventKind>(item.Kind, out var kind))
        {
            return false;
        }
        var ticketId = scope[TicketScopePrefix.Length..^1];
        var arrived = DateTimeOffset.FromUnixTimeMilliseconds(item.OccurredAtMs);
        var imported = await MinutesAsync(connection, tx, staged, item.TenantId, Prefix(kind, ticketId), arrived - FreshdeskWebhookProbe.LateArrival, arrived + FreshdeskWebhookProbe.EarlyArrival, ct);
        if (imported.Count == 0)
        {
            return false;
        }
        HelpdeskEventKind? undoneBy = kind switch
        {
            HelpdeskEventKind.TicketSolved => HelpdeskEventKind.TicketReopened,
            HelpdeskEventKind.TicketReopened => HelpdeskEventKind.TicketSolved,
            _ => null,
        };
        if (undoneBy is not { } opposite)
        {
            return true;
        }
        // Strictly after the import's minute, up to the delivery: a change back in between makes this delivery a new fact.
        var after = imported.Max().AddMinutes(1);
        if (after > arrived)
        {
            return true;
        }
        if ((await MinutesAsync(connection, tx, staged, item.TenantId, Prefix(opposite, ticketId), after, arrived, ct)).Count > 0)
        {
            return false;
        }
        var delivered = await KeysAsync(connection, tx, staged, item.TenantId, scope + SequenceKey.Stamp(after), scope + SequenceKey.Stamp(arrived) + "|~", ct);
        return !delivered.Any(k => SequenceKey.FingerprintOf(k, scope)?.StartsWith("|" + opposite + "|", StringComparison.Ordinal) == true);
    }

    private static Task<IEnumerable<string>> KeysAsync(DbConnection connection, DbTransaction tx, bool staged, string tenantId, string from, string to,
        CancellationToken ct) =>
        staged
            ? connection.QueryAsync<string>(new CommandDefinition(SelectKeysInRangeStagedSqlite, new { TenantId = tenantId, From = from, To = to }, tx, cancellationToken: ct))
            : connection.QueryAsync<string>(new CommandDefinition(SelectKeysInRange, new { TenantId = tenantId, From = from, To = to }, tx, cancellationToken: ct));

    private static async Task<List<DateTimeOffset>> MinutesAsync(DbConnection connection, DbTransaction tx, bool staged, string tenantId, string prefix,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var keys = await KeysAsync(connection, tx, staged, tenantId, prefix + Minute(from), prefix + Minute(to) + "~", ct);
        var minutes = new List<DateTimeOffset>();
        foreach (var key in keys)
        {
            if (key.Length >= prefix.Length + MinuteFormat.Length
                && DateTime.TryParseExact(key.AsSpan(prefix.Length, MinuteFormat.Length), MinuteFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var minute))
            {
                minutes.Add(new DateTimeOffset(minute, TimeSpan.Zero));
            }
        }
        return minutes;
    }

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture);
}

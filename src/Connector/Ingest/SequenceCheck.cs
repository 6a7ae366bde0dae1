using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Decides whether a sequence-keyed fact (<see cref="SequenceKey"/>) repeats its neighbour: the
/// nearest fact of the same scope before it, or after it, within the window, with the same
/// fingerprint. Looking both ways makes the outcome independent of arrival order: of two starts of
/// one chat session, whichever arrives second is the duplicate.
/// </summary>
internal static class SequenceCheck
{
    // Keys of a scope end in a fixed-width stamp, so each neighbour is one index range read, the same in both dialects.
    internal const string SelectLatestInScope = """
        SELECT MAX(natural_key) FROM inbox
        WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To
        """;

    internal const string SelectEarliestInScope = """
        SELECT MIN(natural_key) FROM inbox
        WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To
        """;

    // Staged (InboxStaging): the neighbour may be in the staging file (main) or already moved (hub); each side is one range read.
    internal const string SelectLatestInScopeStagedSqlite = """
        SELECT MAX(k) FROM (
            SELECT MAX(natural_key) AS k FROM inbox WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To
            UNION ALL
            SELECT MAX(natural_key) FROM hub.inbox WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To)
        """;

    internal const string SelectEarliestInScopeStagedSqlite = """
        SELECT MIN(k) FROM (
            SELECT MIN(natural_key) AS k FROM inbox WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To
            UNION ALL
            SELECT MIN(natural_key) FROM hub.inbox WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To)
        """;

    /// <summary>
    /// Whether <paramref name="item"/> repeats a neighbour. <paramref name="staged"/>: the connection is a staging one
    /// (<see cref="InboxStaging"/>), so neighbours are looked for in the staging file and the attached main file.
    /// </summary>
    public static async Task<bool> IsRepeatAsync(DbConnection connection, DbTransaction tx, InboxItem item, bool staged, CancellationToken ct)
    {
        if (item.SequenceScope is not { } scope)
        {
            return false;
        }
        var own = SequenceKey.FingerprintOf(item.NaturalKey, scope);
        // Stamps are the facts' own times, so the window is measured on that clock.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(item.OccurredAtMs);
        var (beforeFrom, beforeTo) = (scope + SequenceKey.Stamp(at - item.SequenceWindow), scope + SequenceKey.Stamp(at) + "|~");
        var before = staged
            ? await NeighbourAsync(connection, tx, SelectLatestInScopeStagedSqlite, item.TenantId, beforeFrom, beforeTo, ct)
            : await NeighbourAsync(connection, tx, SelectLatestInScope, item.TenantId, beforeFrom, beforeTo, ct);
        if (before is not null && SequenceKey.FingerprintOf(before, scope) == own)
        {
            return true;
        }
        var (afterFrom, afterTo) = (scope + SequenceKey.Stamp(at), scope + SequenceKey.Stamp(at + item.SequenceWindow) + "|~");
        var after = staged
            ? await NeighbourAsync(connection, tx, SelectEarliestInScopeStagedSqlite, item.TenantId, afterFrom, afterTo, ct)
            : await NeighbourAsync(connection, tx, SelectEarliestInScope, item.TenantId, afterFrom, afterTo, ct);
        if (after is not null && SequenceKey.FingerprintOf(after, scope) == own)
        {
            return true;
        }
        // A Freshdesk automation delivery of a fact a backfill already imported (under its ordinary key) is a repeat too.
        return await Freshdesk.FreshdeskImportedFacts.ImportedAsync(connection, tx, item, staged, ct);
    }

    private static Task<string?> NeighbourAsync(DbConnection connection, DbTransaction tx, string sql, string tenantId, string from, string to, CancellationToken ct) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, new { TenantId = tenantId, From = from, To = to }, tx, cancellationToken: ct));
}

using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Privacy;

/// <summary>
/// Erases and exports one customer's personal data. Erasure keeps the aggregates (ledger entries,
/// totals, ranks) under a stable pseudonym, so the books still balance; it is idempotent, because a
/// second call finds nobody under the real id any more.
/// </summary>
public sealed class CustomerPrivacyStore(Database database, InboxStaging staging, TimeProvider clock)
{
    private const string SelectCustomer = """
        SELECT id AS Id, display_name AS DisplayName FROM participants
        WHERE tenant_id = @TenantId AND kind = @Kind AND external_id = @ExternalId
        """;

    private const string RenameCustomer = """
        UPDATE participants SET external_id = @Pseudonym, display_name = NULL, updated_at_ms = @NowMs
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    private const string RenameTotals = """
        UPDATE leaderboard_totals SET member_key = @Pseudonym
        WHERE tenant_id = @TenantId AND board = 'customers' AND member_key = @ExternalId
        """;

    private const string SelectInboxMentions = """
        SELECT id AS Id, event_json AS EventJson, raw_body AS RawBody FROM inbox
        WHERE tenant_id = @TenantId AND event_json LIKE @Pattern ESCAPE '\'
        """;

    private const string UpdateInbox = "UPDATE inbox SET event_json = @EventJson, raw_body = @RawBody WHERE tenant_id = @TenantId AND id = @Id";

    private const string SelectDeadLetters = "SELECT id AS Id, raw_body AS RawBody FROM dead_letters WHERE tenant_id = @TenantId";

    private const string UpdateDeadLetter = "UPDATE dead_letters SET raw_body = @RawBody WHERE tenant_id = @TenantId AND id = @Id";

    // A write-back not yet made for an erased customer is not made at all; settled ones keep their outcome under the pseudonym.
    private const string RenameWriteBacks = """
        UPDATE helpdesk_write_backs SET customer_id = @Pseudonym, updated_at_ms = @NowMs,
            last_error = CASE WHEN status = 'pending' THEN 'The customer was erased.' ELSE last_error END,
            completed_at_ms = CASE WHEN status = 'pending' THEN @NowMs ELSE completed_at_ms END,
            status = CASE WHEN status = 'pending' THEN 'skipped' ELSE status END
        WHERE tenant_id = @TenantId AND customer_id = @ExternalId
        """;

    /// <summary>Erases the customer; returns false when there was nothing (left) to erase.</summary>
    public async Task<bool> EraseAsync(string tenantId, string customerId, string pseudonym, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var customer = await connection.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(SelectCustomer,
            new { TenantId = tenantId, Kind = ParticipantKinds.Customer, ExternalId = customerId }, tx, cancellationToken: ct));
        // Staged facts first, while this transaction holds the main write lock: no move can carry an unscrubbed
        // staged row into the main file behind this erase (the scorer moves under the same lock).
        var scrubbed = await ScrubStagedAsync(tenantId, customerId, customer?.DisplayName, pseudonym, ct);
        scrubbed += await ScrubDeliveriesAsync(connection, tx, tenantId, customerId, customer?.DisplayName, pseudonym, ct);
        if (customer is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(RenameCustomer,
                new { TenantId = tenantId, customer.Id, Pseudonym = pseudonym, NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(RenameTotals,
                new { TenantId = tenantId, ExternalId = customerId, Pseudonym = pseudonym }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(RenameWriteBacks,
            new { TenantId = tenantId, ExternalId = customerId, Pseudonym = pseudonym, NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return customer is not null || scrubbed > 0;
    }

    private async Task<int> ScrubStagedAsync(string tenantId, string customerId, string? name, string pseudonym, CancellationToken ct)
    {
        if (!staging.Enabled || !File.Exists(staging.StagingFile))
        {
            return 0;
        }
        await using var connection = await staging.OpenAsync(ct);
        using var turn = await staging.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await ScrubInboxAsync(connection, tx, tenantId, customerId, name, pseudonym, ct);
        await tx.CommitAsync(ct);
        return changed;
    }

    private static async Task<int> ScrubInboxAsync(DbConnection connection, DbTransaction tx, string tenantId, string customerId,
        string? name, string pseudonym, CancellationToken ct)
    {
        var changed = 0;
        var inbox = await connection.QueryAsync<InboxRow>(new CommandDefinition(SelectInboxMentions,
            new { TenantId = tenantId, Pattern = MentionPattern(customerId) }, tx, cancellationToken: ct));
        foreach (var row in inbox)
        {
            await connection.ExecuteAsync(new CommandDefinition(UpdateInbox, new
            {
                TenantId = tenantId,
                row.Id,
                EventJson = PersonalDataScrubber.ScrubEvent(row.EventJson, pseudonym),
                RawBody = PersonalDataScrubber.ScrubBody(row.RawBody, customerId, name, pseudonym),
            }, tx, cancellationToken: ct));
            changed++;
        }
        return changed;
    }

    private static async Task<int> ScrubDeliveriesAsync(DbConnection connection, DbTransaction tx, string tenantId, string customerId,
        string? name, string pseudonym, CancellationToken ct)
    {
        var changed = await ScrubInboxAsync(connection, tx, tenantId, customerId, name, pseudonym, ct);
        var letters = await connection.QueryAsync<DeadLetterRow>(new CommandDefinition(SelectDeadLetters, new { TenantId = tenantId }, tx, cancellationToken: ct));
        foreach (var letter in letters.Where(l => PersonalDataScrubber.Mentions(l.RawBody, customerId, name)))
        {
            await connection.ExecuteAsync(new CommandDefinition(UpdateDeadLetter, new
            {
                TenantId = tenantId,
                letter.Id,
                RawBody = PersonalDataScrubber.ScrubBody(letter.RawBody, customerId, name, pseudonym),
            }, tx, cancellationToken: ct));
            changed++;
        }
        return changed;
    }

    /// <summary>A LIKE pattern for events whose customer is <paramref name="customerId"/>.</summary>
    internal static string MentionPattern(string customerId) =>
        "%\"customerId\":" + System.Text.Json.JsonSerializer.Serialize(customerId).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private sealed record CustomerRow(long Id, string? DisplayName);

    private sealed record InboxRow(long Id, string EventJson, byte[] RawBody);

    private sealed record DeadLetterRow(long Id, byte[] RawBody);
}

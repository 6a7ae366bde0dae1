using Dapper;
using HelpdeskGamify.AgentHub.Data;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>The review queue (awards picked or flagged for a look) and its append-only audit trail.</summary>
public sealed class ReviewStore(Database database)
{
    private const string AwardColumns = """
        l.id AS LedgerId, l.points AS Points, l.category AS Category, l.reason AS Reason, l.entry_kind AS EntryKind,
        l.ticket_id AS TicketId, l.occurred_at_ms AS OccurredAtMs, p.external_id AS AgentId, p.display_name AS AgentName
        """;

    private const string SelectAward = "SELECT " + AwardColumns + """

        FROM ledger l JOIN participants p ON p.id = l.participant_id AND p.tenant_id = l.tenant_id
        WHERE l.tenant_id = @TenantId AND l.id = @LedgerId AND p.kind = 'agent'
        """;

    /// <summary>An agent's ledger entry of this tenant, or null.</summary>
    public async Task<ReviewAward?> FindAwardAsync(string tenantId, long ledgerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ReviewAward>(new CommandDefinition(SelectAward, new { TenantId = tenantId, LedgerId = ledgerId }, cancellationToken: ct));
    }

    private const string RecentSqlite = "SELECT " + AwardColumns + """

        FROM ledger l JOIN participants p ON p.id = l.participant_id AND p.tenant_id = l.tenant_id
        WHERE l.tenant_id = @TenantId AND p.kind = 'agent' AND (@AgentId IS NULL OR p.external_id = @AgentId)
        ORDER BY l.id DESC
        LIMIT @Limit
        """;

    private const string RecentSqlServer = "SELECT TOP (@Limit) " + AwardColumns + """

        FROM ledger l JOIN participants p ON p.id = l.participant_id AND p.tenant_id = l.tenant_id
        WHERE l.tenant_id = @TenantId AND p.kind = 'agent' AND (@AgentId IS NULL OR p.external_id = @AgentId)
        ORDER BY l.id DESC;
        """;

    /// <summary>The newest agent ledger entries of a tenant, to pick from for a review.</summary>
    public async Task<IReadOnlyList<ReviewAward>> RecentAwardsAsync(string tenantId, string? agentId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<ReviewAward>(new CommandDefinition(ProviderSql.Pick(database, RecentSqlite, RecentSqlServer),
            new { TenantId = tenantId, AgentId = agentId, Limit = limit }, cancellationToken: ct))).AsList();
    }

    private const string InsertItem = """
        INSERT INTO review_items (tenant_id, ledger_id, origin, note, added_by, added_at_ms)
        SELECT @TenantId, @LedgerId, @Origin, @Note, @AddedBy, @NowMs
        WHERE NOT EXISTS (SELECT 1 FROM review_items WHERE tenant_id = @TenantId AND ledger_id = @LedgerId)
        """;

    /// <summary>Puts an award in the queue; false when it is there already.</summary>
    public async Task<bool> AddItemAsync(string tenantId, long ledgerId, string origin, string? note, string addedBy, long nowMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(InsertItem,
            new { TenantId = tenantId, LedgerId = ledgerId, Origin = origin, Note = note, AddedBy = addedBy, NowMs = nowMs }, cancellationToken: ct)) == 1;
    }

    private const string SelectQueue = "SELECT i.origin AS Origin, i.note AS Note, i.added_by AS AddedBy, i.added_at_ms AS AddedAtMs, " + AwardColumns + """

        FROM review_items i
        JOIN ledger l ON l.id = i.ledger_id AND l.tenant_id = i.tenant_id
        JOIN participants p ON p.id = l.participant_id AND p.tenant_id = l.tenant_id
        WHERE i.tenant_id = @TenantId
          AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.tenant_id = i.tenant_id AND d.ledger_id = i.ledger_id)
        ORDER BY i.id
        """;

    /// <summary>The awards still waiting for a decision, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<ReviewQueueItem>(new CommandDefinition(SelectQueue, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }

    private const string InsertDecision = """
        INSERT INTO review_decisions (tenant_id, ledger_id, decision, note, author, adjustment_ledger_id, flag_id, decided_at_ms)
        VALUES (@TenantId, @LedgerId, @Decision, @Note, @Author, @AdjustmentLedgerId, @FlagId, @NowMs)
        """;

    private const string CountDecisions = "SELECT COUNT(*) FROM review_decisions WHERE tenant_id = @TenantId AND ledger_id = @LedgerId";

    /// <summary>Whether an award was decided already.</summary>
    public async Task<bool> IsDecidedAsync(string tenantId, long ledgerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountDecisions, new { TenantId = tenantId, LedgerId = ledgerId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Appends a decision to the audit trail.</summary>
    public async Task RecordDecisionAsync(ReviewDecision d, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InsertDecision, d, cancellationToken: ct));
    }

    /// <summary>Appends a decision inside the caller's transaction (a contest and the recompute it drives commit together).</summary>
    public static Task RecordDecisionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, ReviewDecision d, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InsertDecision, d, tx, cancellationToken: ct));

    // Written once, in the contest's own transaction, right after the recompute wrote the entry it links to.
    private const string LinkEntry = """
        UPDATE review_decisions SET adjustment_ledger_id = @AdjustmentLedgerId
        WHERE tenant_id = @TenantId AND ledger_id = @LedgerId AND decision = 'contested' AND adjustment_ledger_id IS NULL
        """;

    /// <summary>Links a contest decision to the ledger entry that took the award back (in the caller's transaction).</summary>
    public static Task LinkEntryAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string tenantId, long ledgerId, long entryId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(LinkEntry, new { TenantId = tenantId, LedgerId = ledgerId, AdjustmentLedgerId = entryId }, tx, cancellationToken: ct));

    private const string SelectDecisions = """
        SELECT id AS Id, ledger_id AS LedgerId, decision AS Decision, note AS Note, author AS Author,
               adjustment_ledger_id AS AdjustmentLedgerId, flag_id AS FlagId, decided_at_ms AS NowMs, tenant_id AS TenantId
        FROM review_decisions
        WHERE tenant_id = @TenantId
        ORDER BY id DESC
        """;

    /// <summary>The audit trail, newest first.</summary>
    public async Task<IReadOnlyList<ReviewDecision>> DecisionsAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<ReviewDecision>(new CommandDefinition(SelectDecisions, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }
}

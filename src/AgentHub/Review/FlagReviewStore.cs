using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>
/// The engine's review flags as the team lead's queue sees them: each open flag with the awards it is
/// about (the flagged ticket's, or the tickets a requester opened in the flagged window), and the one
/// decision a flag gets. The engine raises flags; this store only reads them and closes them.
/// </summary>
public sealed class FlagReviewStore(Database database)
{
    private const string FlagColumns = """
        id AS Id, flag_kind AS Kind, subject_key AS Subject, participant_external_id AS ParticipantId, detail AS Detail,
        status AS Status, created_at_ms AS CreatedAtMs
        """;

    private const string SelectOpenFlags = "SELECT " + FlagColumns + """

        FROM review_flags
        WHERE tenant_id = @TenantId AND status = 'open'
        ORDER BY id
        """;

    /// <summary>The tenant's open flags, oldest first.</summary>
    public async Task<IReadOnlyList<FlagRow>> OpenFlagsAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<FlagRow>(new CommandDefinition(SelectOpenFlags, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }

    private const string SelectFlag = "SELECT " + FlagColumns + " FROM review_flags WHERE tenant_id = @TenantId AND id = @Id";

    /// <summary>One flag of the tenant, or null.</summary>
    public async Task<FlagRow?> FindFlagAsync(string tenantId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<FlagRow>(new CommandDefinition(SelectFlag, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    private const string SelectRequesterTickets = """
        SELECT ticket_id FROM tickets
        WHERE tenant_id = @TenantId AND customer_id = @CustomerId AND created_at_ms > @FromMs AND created_at_ms <= @ToMs
        """;

    /// <summary>The tickets a requester opened in a time window.</summary>
    public async Task<IReadOnlyList<string>> RequesterTicketsAsync(string tenantId, string customerId, long fromMs, long toMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(SelectRequesterTickets,
            new { TenantId = tenantId, CustomerId = customerId, FromMs = fromMs, ToMs = toMs }, cancellationToken: ct))).AsList();
    }

    // Adjustments are left out: they are a lead's own corrections, not what the engine paid for the ticket.
    private const string SelectTicketAwards = """
        SELECT l.id AS LedgerId, l.points AS Points, l.category AS Category, l.reason AS Reason, l.entry_kind AS EntryKind,
               l.ticket_id AS TicketId, l.occurred_at_ms AS OccurredAtMs, p.external_id AS AgentId, p.display_name AS AgentName,
               d.decision AS Decision
        FROM ledger l
        JOIN participants p ON p.id = l.participant_id AND p.tenant_id = l.tenant_id
        LEFT JOIN review_decisions d ON d.tenant_id = l.tenant_id AND d.ledger_id = l.id
        WHERE l.tenant_id = @TenantId AND p.kind = 'agent' AND l.ticket_id IN @TicketIds AND l.entry_kind <> 'adjustment'
        ORDER BY l.id
        """;

    /// <summary>The agents' ledger entries on these tickets, with the decision each already has.</summary>
    public async Task<IReadOnlyList<FlaggedAward>> TicketAwardsAsync(string tenantId, IReadOnlyList<string> ticketIds, CancellationToken ct)
    {
        if (ticketIds.Count == 0)
        {
            return [];
        }
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<FlaggedAward>(new CommandDefinition(SelectTicketAwards,
            new { TenantId = tenantId, TicketIds = ticketIds }, cancellationToken: ct))).AsList();
    }

    private const string CloseFlag = """
        UPDATE review_flags SET status = @Status, updated_at_ms = @NowMs
        WHERE tenant_id = @TenantId AND id = @FlagId AND status = 'open'
        """;

    private const string InsertFlagDecision = """
        INSERT INTO review_flag_decisions (tenant_id, flag_id, decision, note, author, decided_at_ms)
        VALUES (@TenantId, @FlagId, @Decision, @Note, @Author, @NowMs)
        """;

    /// <summary>
    /// Closes an open flag with its decision, both in one transaction; false when the flag is not open any
    /// more (decided by someone else first), so no flag is ever decided twice.
    /// </summary>
    public async Task<bool> CloseAsync(FlagDecision decision, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var status = decision.Decision;
        if (await connection.ExecuteAsync(new CommandDefinition(CloseFlag, new { decision.TenantId, decision.FlagId, Status = status, decision.NowMs }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(InsertFlagDecision, decision, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    private const string SelectFlagDecisions = """
        SELECT d.id AS Id, d.tenant_id AS TenantId, d.flag_id AS FlagId, d.decision AS Decision, d.note AS Note, d.author AS Author,
               d.decided_at_ms AS NowMs, f.flag_kind AS Kind, f.participant_external_id AS ParticipantId
        FROM review_flag_decisions d JOIN review_flags f ON f.id = d.flag_id AND f.tenant_id = d.tenant_id
        WHERE d.tenant_id = @TenantId
        ORDER BY d.id DESC
        """;

    /// <summary>The flag decisions of the audit trail, newest first.</summary>
    public async Task<IReadOnlyList<FlagDecision>> DecisionsAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<FlagDecision>(new CommandDefinition(SelectFlagDecisions, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }
}

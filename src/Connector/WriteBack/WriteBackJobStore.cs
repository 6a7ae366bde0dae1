using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.WriteBack;

/// <summary>
/// The write-back jobs table (<c>helpdesk_write_backs</c>): written in the transaction of the
/// redemption that asks for it, claimed under a lease by one node at a time, and settled by a
/// conditional update that only the lease holder can make.
/// </summary>
public sealed class WriteBackJobStore(Database database)
{
    private const string Columns = """
        id AS Id, tenant_id AS TenantId, redemption_id AS RedemptionId, action AS Action, customer_id AS CustomerId, status AS Status,
        attempts AS Attempts, next_attempt_at_ms AS NextAttemptAtMs, last_error AS LastError, customer_tagged AS CustomerTagged,
        tickets_raised AS TicketsRaised, created_at_ms AS CreatedAtMs, completed_at_ms AS CompletedAtMs
        """;

    private const string Insert = """
        INSERT INTO helpdesk_write_backs (tenant_id, redemption_id, action, customer_id, status, attempts, next_attempt_at_ms, created_at_ms, updated_at_ms)
        VALUES (@TenantId, @RedemptionId, @Action, @CustomerId, 'pending', 0, @NowMs, @NowMs, @NowMs)
        """;

    /// <summary>Writes a pending job within the caller's transaction, so it exists exactly when the redemption does.</summary>
    public static Task EnqueueAsync(DbConnection connection, DbTransaction tx, string tenantId, long redemptionId, string action, string customerId, long nowMs, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Insert,
            new { TenantId = tenantId, RedemptionId = redemptionId, Action = action, CustomerId = customerId, NowMs = nowMs }, tx, cancellationToken: ct));

    private const string DueSqlite = """
        SELECT id AS Id, tenant_id AS TenantId, redemption_id AS RedemptionId, action AS Action, customer_id AS CustomerId, attempts AS Attempts
        FROM helpdesk_write_backs
        WHERE status = 'pending' AND next_attempt_at_ms <= @NowMs AND (lease_until_ms IS NULL OR lease_until_ms < @NowMs)
        ORDER BY next_attempt_at_ms, id
        LIMIT @Limit
        """;
    private const string DueSqlServer = """
        SELECT TOP (@Limit) id AS Id, tenant_id AS TenantId, redemption_id AS RedemptionId, action AS Action, customer_id AS CustomerId, attempts AS Attempts
        FROM helpdesk_write_backs
        WHERE status = 'pending' AND next_attempt_at_ms <= @NowMs AND (lease_until_ms IS NULL OR lease_until_ms < @NowMs)
        ORDER BY next_attempt_at_ms, id;
        """;
    private const string Claim = """
        UPDATE helpdesk_write_backs SET lease_until_ms = @LeaseUntilMs, attempts = attempts + 1, updated_at_ms = @NowMs
        WHERE id = @Id AND tenant_id = @TenantId AND status = 'pending' AND next_attempt_at_ms <= @NowMs
          AND (lease_until_ms IS NULL OR lease_until_ms < @NowMs)
        """;

    /// <summary>
    /// Claims up to <paramref name="limit"/> due jobs until <paramref name="leaseUntilMs"/>. The attempt
    /// is counted when claimed, so a node that dies mid-call still uses one up and retries stay bounded.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedWriteBack>> ClaimDueAsync(long nowMs, long leaseUntilMs, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var dueArgs = new { NowMs = nowMs, Limit = limit };
        var due = database.Provider == StorageProvider.SqlServer
            ? await connection.QueryAsync<ClaimedWriteBack>(new CommandDefinition(DueSqlServer, dueArgs, cancellationToken: ct))
            : await connection.QueryAsync<ClaimedWriteBack>(new CommandDefinition(DueSqlite, dueArgs, cancellationToken: ct));
        var claimed = new List<ClaimedWriteBack>();
        using var turn = await database.EnterWriteAsync(ct);
        foreach (var job in due)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(Claim,
                new { job.Id, job.TenantId, NowMs = nowMs, LeaseUntilMs = leaseUntilMs }, cancellationToken: ct)) == 1)
            {
                claimed.Add(job with { Attempts = job.Attempts + 1, LeaseUntilMs = leaseUntilMs });
            }
        }
        return claimed;
    }

    private const string Settle = """
        UPDATE helpdesk_write_backs SET status = @Status, last_error = @Error, customer_tagged = @CustomerTagged, tickets_raised = @TicketsRaised,
            next_attempt_at_ms = @NextAttemptAtMs, completed_at_ms = @CompletedAtMs, lease_until_ms = NULL, updated_at_ms = @NowMs
        WHERE id = @Id AND tenant_id = @TenantId AND status = 'pending' AND lease_until_ms = @LeaseUntilMs
        """;

    /// <summary>Records how an attempt ended; false when the lease was lost meanwhile (another node owns the job now).</summary>
    public async Task<bool> SettleAsync(ClaimedWriteBack job, WriteBackOutcome outcome, long nowMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Settle, new
        {
            job.Id, job.TenantId, job.LeaseUntilMs, outcome.Status, outcome.Error, outcome.CustomerTagged, outcome.TicketsRaised,
            NextAttemptAtMs = outcome.NextAttemptAtMs ?? nowMs,
            CompletedAtMs = outcome.Status == WriteBackStatuses.Pending ? (long?)null : nowMs,
            NowMs = nowMs,
        }, cancellationToken: ct)) == 1;
    }

    private const string ListSqlite = $"""
        SELECT {Columns} FROM helpdesk_write_backs
        WHERE tenant_id = @TenantId AND (@Status IS NULL OR status = @Status) AND (@RedemptionId IS NULL OR redemption_id = @RedemptionId)
        ORDER BY id DESC
        LIMIT @Limit
        """;
    private const string ListSqlServer = $"""
        SELECT TOP (@Limit) {Columns} FROM helpdesk_write_backs
        WHERE tenant_id = @TenantId AND (@Status IS NULL OR status = @Status) AND (@RedemptionId IS NULL OR redemption_id = @RedemptionId)
        ORDER BY id DESC;
        """;

    /// <summary>A tenant's jobs, newest first, optionally only those in <paramref name="status"/> or of one redemption.</summary>
    public async Task<IReadOnlyList<WriteBackJob>> ListAsync(string tenantId, string? status, long? redemptionId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var args = new { TenantId = tenantId, Status = status, RedemptionId = redemptionId, Limit = limit };
        return (database.Provider == StorageProvider.SqlServer
            ? await connection.QueryAsync<WriteBackJob>(new CommandDefinition(ListSqlServer, args, cancellationToken: ct))
            : await connection.QueryAsync<WriteBackJob>(new CommandDefinition(ListSqlite, args, cancellationToken: ct))).AsList();
    }

    private const string SelectOne = $"SELECT {Columns} FROM helpdesk_write_backs WHERE tenant_id = @TenantId AND id = @Id";

    /// <summary>One job of a tenant, or null.</summary>
    public async Task<WriteBackJob?> FindAsync(string tenantId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<WriteBackJob>(new CommandDefinition(SelectOne, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    private const string Retry = """
        UPDATE helpdesk_write_backs SET status = 'pending', attempts = 0, next_attempt_at_ms = @NowMs, last_error = NULL, completed_at_ms = NULL,
            lease_until_ms = NULL, updated_at_ms = @NowMs
        WHERE tenant_id = @TenantId AND id = @Id AND status IN ('failed', 'skipped')
        """;

    /// <summary>Puts a failed or skipped job back in the queue (after the admin fixed the credentials); false when there is no such settled job.</summary>
    public async Task<bool> RetryAsync(string tenantId, long id, long nowMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Retry, new { TenantId = tenantId, Id = id, NowMs = nowMs }, cancellationToken: ct)) == 1;
    }
}

/// <summary>A job claimed by this node until <see cref="LeaseUntilMs"/>.</summary>
public sealed record ClaimedWriteBack
{
    /// <summary>The job's id.</summary>
    public long Id { get; init; }
    /// <summary>The tenant.</summary>
    public string TenantId { get; init; } = "";
    /// <summary>The redemption that asked for it.</summary>
    public long RedemptionId { get; init; }
    /// <summary>What to do.</summary>
    public string Action { get; init; } = "";
    /// <summary>The customer's id in the helpdesk.</summary>
    public string CustomerId { get; init; } = "";
    /// <summary>Attempts including this one.</summary>
    public int Attempts { get; init; }
    /// <summary>The lease this node holds.</summary>
    public long LeaseUntilMs { get; init; }
}

/// <summary>How an attempt ended: the new state, and when to try again if still pending.</summary>
public sealed record WriteBackOutcome(string Status, string? Error, bool? CustomerTagged, int? TicketsRaised, long? NextAttemptAtMs);

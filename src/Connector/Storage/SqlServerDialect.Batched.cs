namespace HelpdeskGamify.Connector.Storage;

/// <summary>The SQL Server statements a scoring batch sends once for many rows.</summary>
public sealed partial class SqlServerDialect
{
    /// <inheritdoc />
    public string AddToLeaderboardTotals => """
        MERGE leaderboard_totals WITH (HOLDLOCK) AS target
        USING (VALUES (@Board0, @PeriodKey0, @MemberKey0, @Delta0)) AS source (board, period_key, member_key, delta)
            ON target.tenant_id = @TenantId AND target.board = source.board
               AND target.period_key = source.period_key AND target.member_key = source.member_key
        WHEN MATCHED THEN UPDATE SET points = target.points + source.delta, updated_at_ms = @NowMs
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, board, period_key, member_key, points, updated_at_ms)
            VALUES (@TenantId, source.board, source.period_key, source.member_key, source.delta, @NowMs)
        OUTPUT inserted.board AS Board, inserted.period_key AS PeriodKey, inserted.member_key AS MemberKey, inserted.points AS Points;
        """;

    // INSERT … SELECT … ORDER BY is what SQL Server guarantees identity values to follow.
    /// <inheritdoc />
    public string InsertOutboxEvents => """
        INSERT INTO outbox_events (tenant_id, event_type, payload_json, created_at_ms, fanned_out)
        SELECT v.tenant_id, v.event_type, v.payload_json, @NowMs, 0
        FROM (VALUES (@Seq0, @TenantId0, @EventType0, @PayloadJson0)) AS v (seq, tenant_id, event_type, payload_json)
        ORDER BY v.seq;
        """;

    /// <inheritdoc />
    public string AddToBalances => """
        MERGE participant_balances WITH (HOLDLOCK) AS target
        USING (VALUES (@ParticipantId0, @Points0, @PendingPoints0, @Earned0, @ActivityMs0)) AS source (participant_id, points, pending_points, earned, activity_ms)
            ON target.participant_id = source.participant_id
        WHEN MATCHED AND target.tenant_id = @TenantId THEN UPDATE SET
            balance = target.balance + source.points, pending = target.pending + source.pending_points, earned = target.earned + source.earned,
            last_activity_ms = CASE WHEN target.last_activity_ms < source.activity_ms THEN source.activity_ms ELSE target.last_activity_ms END
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, participant_id, balance, pending, earned, level_index, last_activity_ms)
            VALUES (@TenantId, source.participant_id, source.points, source.pending_points, source.earned, 0, source.activity_ms)
        OUTPUT inserted.participant_id AS ParticipantId, inserted.balance AS Balance, inserted.pending AS Pending;
        """;
}

namespace HelpdeskGamify.Connector.Storage;

/// <summary>The SQLite statements a scoring batch sends once for many rows.</summary>
public sealed partial class SqliteDialect
{
    // "WHERE true": an upsert from a SELECT needs it, or SQLite reads ON CONFLICT as a join constraint.
    /// <inheritdoc />
    public string AddToLeaderboardTotals => """
        INSERT INTO leaderboard_totals (tenant_id, board, period_key, member_key, points, updated_at_ms)
        SELECT @TenantId, v.column1, v.column2, v.column3, v.column4, @NowMs
        FROM (VALUES (@Board0, @PeriodKey0, @MemberKey0, @Delta0)) AS v WHERE true
        ON CONFLICT (tenant_id, board, period_key, member_key) DO UPDATE SET
            points = leaderboard_totals.points + excluded.points,
            updated_at_ms = excluded.updated_at_ms
        RETURNING board AS Board, period_key AS PeriodKey, member_key AS MemberKey, points AS Points
        """;

    /// <inheritdoc />
    public string InsertOutboxEvents => """
        INSERT INTO outbox_events (tenant_id, event_type, payload_json, created_at_ms, fanned_out)
        SELECT v.column2, v.column3, v.column4, @NowMs, 0
        FROM (VALUES (@Seq0, @TenantId0, @EventType0, @PayloadJson0)) AS v
        ORDER BY v.column1
        """;

    /// <inheritdoc />
    public string AddToBalances => """
        INSERT INTO participant_balances (tenant_id, participant_id, balance, pending, earned, last_activity_ms)
        SELECT @TenantId, v.column1, v.column2, v.column3, v.column4, v.column5
        FROM (VALUES (@ParticipantId0, @Points0, @PendingPoints0, @Earned0, @ActivityMs0)) AS v WHERE true
        ON CONFLICT (participant_id) DO UPDATE SET
            balance = participant_balances.balance + excluded.balance,
            pending = participant_balances.pending + excluded.pending,
            earned = participant_balances.earned + excluded.earned,
            last_activity_ms = CASE WHEN participant_balances.last_activity_ms < excluded.last_activity_ms
                THEN excluded.last_activity_ms ELSE participant_balances.last_activity_ms END
        WHERE participant_balances.tenant_id = excluded.tenant_id
        RETURNING participant_id AS ParticipantId, balance AS Balance, pending AS Pending
        """;
}

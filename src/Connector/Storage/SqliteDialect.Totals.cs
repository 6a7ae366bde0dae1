namespace HelpdeskGamify.Connector.Storage;

/// <summary>The SQLite statement for a batch's board totals.</summary>
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
}

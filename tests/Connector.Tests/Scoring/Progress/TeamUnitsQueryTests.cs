using Dapper;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Connector.Tests.Scoring.Progress;

/// <summary>
/// Team quests read a team's units every scoring batch. Pending solves leave units without settled points, a busy team thousands
/// of them per quest window: the reads must skip them inside the index (migration 0910), not look each one up in the table.
/// </summary>
public sealed class TeamUnitsQueryTests
{
    private const string Insert = """
        INSERT INTO activity_units (tenant_id, participant_id, rule_id, award_key, category, occurred_at_ms, points, pending, team)
        VALUES (@TenantId, @ParticipantId, @RuleId, @AwardKey, 'productivity', @At, @Points, @Pending, @Team)
        """;

    [Fact]
    public async Task A_teams_reads_return_only_units_with_settled_points_from_the_index_alone()
    {
        await using var connection = await MigratedAsync();
        // Team A: two settled solves, a pending one, one taken back to zero, a clawed-back reward; team B and tenant globex: settled.
        foreach (var (tenant, participant, rule, key, at, points, pending, team) in new[]
        {
            ("acme", 1L, "agent.ticket-solved", "t1", 1_000L, 10L, 0L, "A"),
            ("acme", 2L, "agent.ticket-solved", "t2", 2_000L, 10L, 0L, "A"),
            ("acme", 1L, "agent.ticket-solved", "t3", 3_000L, 0L, 10L, "A"),
            ("acme", 2L, "agent.ticket-solved", "t4", 4_000L, 0L, 0L, "A"),
            ("acme", 1L, "quest:team-week", "quest:team-week:2026-W48#A@5000", 5_000L, -10L, 0L, "A"),
            ("acme", 3L, "agent.ticket-solved", "t5", 1_500L, 10L, 0L, "B"),
            ("globex", 1L, "agent.ticket-solved", "t1", 1_000L, 10L, 0L, "A"),
        })
        {
            await connection.ExecuteAsync(Insert, new { TenantId = tenant, ParticipantId = participant, RuleId = rule, AwardKey = key, At = at, Points = points, Pending = pending, Team = team });
        }

        var units = await ActivityStore.TeamUnitsAsync(connection, null, "acme", "A", 0, 10_000, CancellationToken.None);
        var rewards = await ActivityStore.TeamRuleUnitsAsync(connection, null, "acme", "A", "quest:team-week", 0, 10_000, CancellationToken.None);

        Assert.Equal([(1L, 1_000L, 10L), (2L, 2_000L, 10L), (1L, 5_000L, -10L)],
            units.OrderBy(u => u.Activity.OccurredAtMs).Select(u => (u.ParticipantId, u.Activity.OccurredAtMs, u.Activity.Points)));
        Assert.Equal([(1L, "quest:team-week:2026-W48#A@5000", -10L)], rewards.Select(r => (r.ParticipantId, r.AwardKey, r.Points)));
        var args = new { TenantId = "acme", Team = "A", FromMs = 0L, ToMs = 10_000L, RuleId = "quest:team-week" };
        foreach (var sql in new[] { ActivityStore.SelectTeamUnits, ActivityStore.SelectTeamRuleUnits })
        {
            var plan = string.Join('\n', (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, args))
                .Select(r => r.Detail));
            Assert.Contains("USING COVERING INDEX ix_activity_units_team_settled", plan, StringComparison.Ordinal);
        }
    }

    private static async Task<SqliteConnection> MigratedAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        foreach (var batch in MigrationRunner.Scripts(StorageProvider.Sqlite).SelectMany(m => m.Batches))
        {
            await connection.ExecuteAsync(batch);
        }
        return connection;
    }
}

using Dapper;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Connector.Tests.Scoring.Progress;

/// <summary>
/// Personal quests read a person's units with settled points once per scoring batch, reward units and their award keys included:
/// pending units and units taken back to zero are left out, and the read is answered from the window index alone (migration 0900).
/// </summary>
public sealed class SettledUnitsQueryTests
{
    private const string InsertUnit = """
        INSERT INTO activity_units (tenant_id, participant_id, rule_id, award_key, category, occurred_at_ms, points, pending, team)
        VALUES (@TenantId, @ParticipantId, @RuleId, @AwardKey, 'productivity', @At, @Points, @Pending, NULL)
        """;

    [Fact]
    public async Task A_persons_settled_units_leave_out_pending_and_zeroed_units_and_carry_award_keys_from_the_index_alone()
    {
        await using var connection = await MigratedAsync();
        // Person 1: a settled solve, a pending one, one taken back to zero, a reward clawed back to zero and the one paid instead (its completion
        // moved), a negative penalty, one outside the window; person 2 and tenant globex: settled.
        foreach (var (tenant, participant, rule, key, at, points, pending) in new[]
        {
            ("acme", 1L, "agent.ticket-solved", "t1", 1_000L, 10L, 0L),
            ("acme", 1L, "agent.ticket-solved", "t2", 2_000L, 0L, 10L),
            ("acme", 1L, "agent.ticket-solved", "t3", 3_000L, 0L, 0L),
            ("acme", 1L, "quest:two", "quest:two:2026-W48@3000", 3_000L, 0L, 0L),
            ("acme", 1L, "quest:two", "quest:two:2026-W48@4000", 4_000L, 20L, 0L),
            ("acme", 1L, "agent.bad-rating", "t1", 4_500L, -5L, 0L),
            ("acme", 1L, "agent.ticket-solved", "t4", 10_000L, 10L, 0L),
            ("acme", 2L, "agent.ticket-solved", "t5", 1_500L, 10L, 0L),
            ("globex", 1L, "agent.ticket-solved", "t1", 1_000L, 10L, 0L),
        })
        {
            await connection.ExecuteAsync(InsertUnit, new { TenantId = tenant, ParticipantId = participant, RuleId = rule, AwardKey = key, At = at, Points = points, Pending = pending });
        }

        var units = await ActivityStore.SettledUnitsAsync(connection, null, "acme", 1, 0, 10_000, CancellationToken.None);

        Assert.Equal(
            [("t1", "agent.ticket-solved", 1_000L, 10L), ("quest:two:2026-W48@4000", "quest:two", 4_000L, 20L), ("t1", "agent.bad-rating", 4_500L, -5L)],
            units.OrderBy(u => u.Activity.OccurredAtMs).Select(u => (u.AwardKey, u.Activity.RuleId, u.Activity.OccurredAtMs, u.Activity.Points)));
        var args = new { TenantId = "acme", ParticipantId = 1L, FromMs = 0L, ToMs = 10_000L };
        var plan = string.Join('\n', (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + ActivityStore.SelectSettledUnitsBetween, args)).Select(r => r.Detail));
        Assert.Contains("USING COVERING INDEX ix_activity_units_window", plan, StringComparison.Ordinal);
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

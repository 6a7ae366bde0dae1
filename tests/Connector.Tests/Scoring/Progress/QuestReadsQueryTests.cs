using Dapper;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Connector.Tests.Scoring.Progress;

/// <summary>
/// The reads of quest settlement that run for every scoring batch: a person's units with settled points (one statement per person,
/// reward units included) and the current team of every touched agent (one statement per tenant).
/// </summary>
public sealed class QuestReadsQueryTests
{
    private const string InsertUnit = """
        INSERT INTO activity_units (tenant_id, participant_id, rule_id, award_key, category, occurred_at_ms, points, pending, team)
        VALUES (@TenantId, @ParticipantId, @RuleId, @AwardKey, 'productivity', @At, @Points, @Pending, NULL)
        """;

    private const string InsertAgent = """
        INSERT INTO participants (tenant_id, kind, external_id, team, created_at_ms, updated_at_ms)
        VALUES (@TenantId, 'agent', @ExternalId, @Team, 0, 0)
        """;

    [Fact]
    public async Task A_persons_settled_units_leave_out_pending_and_zeroed_units_and_carry_award_keys_from_the_index_alone()
    {
        await using var connection = await MigratedAsync();
        // Person 1: a settled solve, a pending one, one taken back to zero, a reward paid and one clawed back to zero (the same
        // instance completed again later), a negative penalty, one outside the window; person 2 and tenant globex: settled.
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

    [Fact]
    public async Task The_current_teams_of_many_agents_come_from_one_read_per_tenant_including_those_without_a_team()
    {
        await using var connection = await MigratedAsync();
        foreach (var (tenant, agent, team) in new[]
        {
            ("acme", "a1", (string?)"Tier 1"), ("acme", "a2", "Tier 2"), ("acme", "a3", "Tier 1"), ("acme", "a4", null), ("globex", "g1", "Tier 1"),
        })
        {
            await connection.ExecuteAsync(InsertAgent, new { TenantId = tenant, ExternalId = agent, Team = team });
        }
        var ids = (await connection.QueryAsync<(long Id, string ExternalId)>("SELECT id, external_id FROM participants")).ToDictionary(r => r.ExternalId, r => r.Id);
        var statements = 0;
        SQLitePCL.raw.sqlite3_profile(connection.Handle, (object state, string sql, long ns) => statements++, null);

        // A duplicate id, an id of another tenant and one that is nobody's are asked for too.
        var teams = await ActivityStore.TeamsOfAsync(connection, null, "acme",
            [ids["a1"], ids["a2"], ids["a3"], ids["a4"], ids["a2"], ids["g1"], 999], CancellationToken.None);

        Assert.Equal(1, statements);
        Assert.Equal(
            new Dictionary<long, string?> { [ids["a1"]] = "Tier 1", [ids["a2"]] = "Tier 2", [ids["a3"]] = "Tier 1", [ids["a4"]] = null },
            teams.ToDictionary());
    }

    [Fact]
    public async Task Team_reads_for_more_agents_than_one_statement_may_bind_are_split()
    {
        await using var connection = await MigratedAsync();
        for (var i = 0; i < 2_500; i++)
        {
            await connection.ExecuteAsync(InsertAgent, new { TenantId = "acme", ExternalId = $"a{i}", Team = i % 7 == 0 ? null : $"Team {i % 20}" });
        }
        var all = (await connection.QueryAsync<(long Id, string? Team)>("SELECT id, team FROM participants")).ToDictionary(r => r.Id, r => r.Team);
        var statements = 0;
        SQLitePCL.raw.sqlite3_profile(connection.Handle, (object state, string sql, long ns) => statements++, null);

        var teams = await ActivityStore.TeamsOfAsync(connection, null, "acme", all.Keys, CancellationToken.None);

        // SQL Server takes at most 2,100 parameters per statement: 2,500 ids go in three reads of at most 1,000.
        Assert.Equal(3, statements);
        Assert.Equal(all, teams.ToDictionary());
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

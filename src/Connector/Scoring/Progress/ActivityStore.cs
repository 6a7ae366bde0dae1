using System.Data.Common;
using Dapper;

namespace HelpdeskGamify.Connector.Scoring.Progress;

/// <summary>Reads a person's settled activity from the ledger: one row per rule and award, as badges and quests count it.</summary>
public static class ActivityStore
{
    private const string SelectActivity = """
        SELECT rule_id AS RuleId, MIN(category) AS Category, MIN(occurred_at_ms) AS OccurredAtMs, SUM(points) AS Points
        FROM ledger
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND entry_kind NOT IN ('redemption', 'expiry')
        GROUP BY rule_id, award_key
        """;

    // The members drive the query (an IN list, not a join): as a join SQLite read the whole tenant's ledger
    // once per team member scored, which was most of the scorer's time (docs/performance.md).
    private const string SelectTeamActivity = """
        SELECT l.rule_id AS RuleId, MIN(l.category) AS Category, MIN(l.occurred_at_ms) AS OccurredAtMs, SUM(l.points) AS Points
        FROM ledger l
        WHERE l.tenant_id = @TenantId AND l.entry_kind NOT IN ('redemption', 'expiry')
          AND l.participant_id IN (SELECT p.id FROM participants p WHERE p.tenant_id = @TenantId AND p.kind = 'agent' AND p.team = @Team)
        GROUP BY l.participant_id, l.rule_id, l.award_key
        """;

    private const string SelectTeamMembers = "SELECT id AS Id, external_id AS ExternalId FROM participants WHERE tenant_id = @TenantId AND kind = 'agent' AND team = @Team";

    private const string SelectTeam = "SELECT team FROM participants WHERE tenant_id = @TenantId AND id = @ParticipantId";

    /// <summary>The summed activity of every agent of a team, for team quests.</summary>
    public static async Task<IReadOnlyList<Activity>> LoadTeamAsync(DbConnection connection, DbTransaction? tx, string tenantId, string team, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string RuleId, string Category, long OccurredAtMs, long Points)>(new CommandDefinition(SelectTeamActivity,
            new { TenantId = tenantId, Team = team }, tx, cancellationToken: ct));
        return rows.Select(r => new Activity(r.RuleId, r.Category, r.OccurredAtMs, r.Points)).ToList();
    }

    /// <summary>The agents of a team.</summary>
    public static async Task<IReadOnlyList<(long Id, string ExternalId)>> TeamMembersAsync(DbConnection connection, DbTransaction? tx, string tenantId, string team, CancellationToken ct) =>
        (await connection.QueryAsync<(long Id, string ExternalId)>(new CommandDefinition(SelectTeamMembers, new { TenantId = tenantId, Team = team }, tx, cancellationToken: ct))).AsList();

    /// <summary>A participant's team, or null.</summary>
    public static Task<string?> TeamOfAsync(DbConnection connection, DbTransaction? tx, string tenantId, long participantId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectTeam, new { TenantId = tenantId, ParticipantId = participantId }, tx, cancellationToken: ct));

    /// <summary>The person's activity (inside <paramref name="tx"/> when given, so it sees the batch's own entries).</summary>
    public static async Task<IReadOnlyList<Activity>> LoadAsync(DbConnection connection, DbTransaction? tx, string tenantId, long participantId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string RuleId, string Category, long OccurredAtMs, long Points)>(new CommandDefinition(SelectActivity,
            new { TenantId = tenantId, ParticipantId = participantId }, tx, cancellationToken: ct));
        return rows.Select(r => new Activity(r.RuleId, r.Category, r.OccurredAtMs, r.Points)).ToList();
    }
}

using System.Data.Common;
using Dapper;

namespace HelpdeskGamify.Connector.Scoring.Progress;

/// <summary>
/// Reads a person's settled activity from the counters the ledger writer keeps (<see cref="ActivityCounters"/>):
/// one unit per rule and award, as badges and quests count it, and lifetime totals per rule and category.
/// </summary>
public static class ActivityStore
{
    private const string SelectActivityBetween = """
        SELECT rule_id AS RuleId, category AS Category, occurred_at_ms AS OccurredAtMs, points AS Points
        FROM activity_units WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs
        """;

    // Team quests measure the units credited to the team (activity_units.team, the team of the fact behind each). Only units
    // with settled points: a unit without any (pending, or taken back to zero) neither counts nor adds points, nor is it a
    // reward to settle, and the partial index of migration 0910 holds just these, with every column read.
    internal const string SelectTeamUnits = """
        SELECT participant_id AS ParticipantId, rule_id AS RuleId, category AS Category, occurred_at_ms AS OccurredAtMs, points AS Points
        FROM activity_units
        WHERE tenant_id = @TenantId AND team = @Team AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs AND points <> 0
        """;

    internal const string SelectTeamRuleUnits = """
        SELECT participant_id AS ParticipantId, award_key AS AwardKey, occurred_at_ms AS OccurredAtMs, points AS Points
        FROM activity_units
        WHERE tenant_id = @TenantId AND team = @Team AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs AND points <> 0 AND rule_id = @RuleId
        """;

    private const string SelectExternalIds = "SELECT id AS Id, external_id AS ExternalId FROM participants WHERE tenant_id = @TenantId AND id IN @Ids";

    private const string SelectAwardTimes = """
        SELECT occurred_at_ms FROM activity_units
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND rule_id = @RuleId AND points > 0
          AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs
        """;

    private const string SelectTotals = """
        SELECT rule_id AS RuleId, category AS Category, awards AS Awards, points AS Points
        FROM activity_totals WHERE tenant_id = @TenantId AND participant_id = @ParticipantId
        """;

    // Personal quests read a person's units with settled points in the window of the instances they settle, award keys
    // included, so each instance's reward units come from the same read (one statement per person, not one per instance). A unit
    // without settled points (pending, or taken back to zero) changes no quest (QuestSettlement.SettleAsync says why). The window
    // index of migration 0900 holds every column read, so the read never touches the table.
    internal const string SelectSettledUnitsBetween = """
        SELECT rule_id AS RuleId, category AS Category, occurred_at_ms AS OccurredAtMs, points AS Points, award_key AS AwardKey
        FROM activity_units
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs AND points <> 0
        """;

    private const string SelectTeam = "SELECT team FROM participants WHERE tenant_id = @TenantId AND id = @ParticipantId";

    /// <summary>The units with settled points credited to a team whose facts happened in [<paramref name="fromMs"/>, <paramref name="toMs"/>), with whose they are.</summary>
    public static async Task<IReadOnlyList<(long ParticipantId, Activity Activity)>> TeamUnitsAsync(DbConnection connection, DbTransaction? tx, string tenantId,
        string team, long fromMs, long toMs, CancellationToken ct) =>
        (await connection.QueryAsync<(long ParticipantId, string RuleId, string Category, long OccurredAtMs, long Points)>(
            new CommandDefinition(SelectTeamUnits, new { TenantId = tenantId, Team = team, FromMs = fromMs, ToMs = toMs }, tx, cancellationToken: ct)))
        .Select(r => (r.ParticipantId, new Activity(r.RuleId, r.Category, r.OccurredAtMs, r.Points))).ToList();

    /// <summary>The units of one rule with settled points credited to a team (whose, award key, when, net points) in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public static async Task<IReadOnlyList<(long ParticipantId, string AwardKey, long OccurredAtMs, long Points)>> TeamRuleUnitsAsync(DbConnection connection,
        DbTransaction? tx, string tenantId, string team, string ruleId, long fromMs, long toMs, CancellationToken ct) =>
        (await connection.QueryAsync<(long ParticipantId, string AwardKey, long OccurredAtMs, long Points)>(new CommandDefinition(SelectTeamRuleUnits,
            new { TenantId = tenantId, Team = team, RuleId = ruleId, FromMs = fromMs, ToMs = toMs }, tx, cancellationToken: ct))).AsList();

    /// <summary>The helpdesk ids of these participants.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> ExternalIdsAsync(DbConnection connection, DbTransaction? tx, string tenantId,
        IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<long, string>()
            : (await connection.QueryAsync<(long Id, string ExternalId)>(new CommandDefinition(SelectExternalIds, new { TenantId = tenantId, Ids = ids }, tx,
                cancellationToken: ct))).ToDictionary(r => r.Id, r => r.ExternalId);

    /// <summary>A participant's team, or null.</summary>
    public static Task<string?> TeamOfAsync(DbConnection connection, DbTransaction? tx, string tenantId, long participantId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectTeam, new { TenantId = tenantId, ParticipantId = participantId }, tx, cancellationToken: ct));

    /// <summary>The person's activity whose facts happened in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public static async Task<IReadOnlyList<Activity>> LoadAsync(DbConnection connection, DbTransaction? tx, string tenantId, long participantId,
        long fromMs, long toMs, CancellationToken ct) =>
        Units(await connection.QueryAsync<(string RuleId, string Category, long OccurredAtMs, long Points)>(new CommandDefinition(SelectActivityBetween,
            new { TenantId = tenantId, ParticipantId = participantId, FromMs = fromMs, ToMs = toMs }, tx, cancellationToken: ct)));

    /// <summary>When the person's awards of one rule happened (units with positive net points), in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public static async Task<IReadOnlyList<long>> AwardTimesAsync(DbConnection connection, DbTransaction? tx, string tenantId, long participantId, string ruleId,
        long fromMs, long toMs, CancellationToken ct) =>
        (await connection.QueryAsync<long>(new CommandDefinition(SelectAwardTimes,
            new { TenantId = tenantId, ParticipantId = participantId, RuleId = ruleId, FromMs = fromMs, ToMs = toMs }, tx, cancellationToken: ct))).AsList();

    /// <summary>The person's lifetime awards and points per rule and category.</summary>
    public static async Task<IReadOnlyList<ActivityTotal>> TotalsAsync(DbConnection connection, DbTransaction? tx, string tenantId, long participantId, CancellationToken ct) =>
        (await connection.QueryAsync<ActivityTotal>(new CommandDefinition(SelectTotals, new { TenantId = tenantId, ParticipantId = participantId }, tx, cancellationToken: ct))).AsList();

    /// <summary>
    /// The person's units with settled points (net points not zero) whose facts happened in [<paramref name="fromMs"/>, <paramref name="toMs"/>),
    /// with their award keys.
    /// </summary>
    public static async Task<IReadOnlyList<(string AwardKey, Activity Activity)>> SettledUnitsAsync(DbConnection connection, DbTransaction? tx,
        string tenantId, long participantId, long fromMs, long toMs, CancellationToken ct) =>
        (await connection.QueryAsync<(string RuleId, string Category, long OccurredAtMs, long Points, string AwardKey)>(new CommandDefinition(SelectSettledUnitsBetween,
            new { TenantId = tenantId, ParticipantId = participantId, FromMs = fromMs, ToMs = toMs }, tx, cancellationToken: ct)))
        .Select(r => (r.AwardKey, new Activity(r.RuleId, r.Category, r.OccurredAtMs, r.Points))).ToList();

    private static List<Activity> Units(IEnumerable<(string RuleId, string Category, long OccurredAtMs, long Points)> rows) =>
        rows.Select(r => new Activity(r.RuleId, r.Category, r.OccurredAtMs, r.Points)).ToList();
}

/// <summary>A person's lifetime counters of one rule and category: awards (units with positive net points) and net points.</summary>
public sealed record ActivityTotal(string RuleId, string Category, long Awards, long Points);

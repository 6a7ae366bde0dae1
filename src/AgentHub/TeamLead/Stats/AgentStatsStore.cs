using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.TeamLead.Stats;

/// <summary>
/// Reads what team-lead stats are made of: the ticket facts in the inbox (solved, reopened,
/// rated, with their durations) and the ledger's points, for one tenant and a time range.
/// Portable SQL only; the arithmetic (medians, rates) is done by <see cref="AgentStatsCalculator"/>.
/// </summary>
public sealed class AgentStatsStore(Database database)
{
    /// <summary>The inbox kinds stats are computed from.</summary>
    public static readonly string[] Kinds = ["TicketSolved", "TicketReopened", "SatisfactionRated", "TicketAgentReplied"];

    private const string SelectFacts = """
        SELECT kind AS Kind, occurred_at_ms AS OccurredAtMs, event_json AS EventJson
        FROM inbox
        WHERE tenant_id = @TenantId AND kind IN @Kinds AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs AND status <> 2
        ORDER BY occurred_at_ms
        """;

    /// <summary>Ticket facts of the range (and reopenings up to <paramref name="reopenUntilMs"/>, which decide first-contact resolution).</summary>
    public async Task<IReadOnlyList<InboxFact>> FactsAsync(string tenantId, long fromMs, long toMs, long reopenUntilMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var facts = (await connection.QueryAsync<InboxFact>(new CommandDefinition(SelectFacts,
            new { TenantId = tenantId, Kinds, FromMs = fromMs, ToMs = toMs }, cancellationToken: ct))).AsList();
        if (reopenUntilMs > toMs)
        {
            facts.AddRange(await connection.QueryAsync<InboxFact>(new CommandDefinition(SelectFacts,
                new { TenantId = tenantId, Kinds = new[] { "TicketReopened" }, FromMs = toMs, ToMs = reopenUntilMs }, cancellationToken: ct)));
        }
        return facts;
    }

    private const string SelectPoints = """
        SELECT p.external_id AS AgentId, l.category AS Category, l.occurred_at_ms AS OccurredAtMs, l.points AS Points
        FROM ledger l JOIN participants p ON p.id = l.participant_id AND p.tenant_id = l.tenant_id
        WHERE l.tenant_id = @TenantId AND p.kind = 'agent' AND l.occurred_at_ms >= @FromMs AND l.occurred_at_ms < @ToMs
          AND (@AgentId IS NULL OR p.external_id = @AgentId)
        """;

    /// <summary>Agents' ledger points of the range (optionally of one agent).</summary>
    public async Task<IReadOnlyList<PointsRow>> PointsAsync(string tenantId, long fromMs, long toMs, string? agentId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<PointsRow>(new CommandDefinition(SelectPoints,
            new { TenantId = tenantId, FromMs = fromMs, ToMs = toMs, AgentId = agentId }, cancellationToken: ct))).AsList();
    }

    private const string SelectBadges = """
        SELECT p.external_id AS AgentId, b.badge_id AS BadgeId, b.tier AS Tier, b.earned_at_ms AS EarnedAtMs
        FROM participant_badges b JOIN participants p ON p.id = b.participant_id AND p.tenant_id = b.tenant_id
        WHERE b.tenant_id = @TenantId AND p.kind = 'agent' AND b.earned_at_ms >= @FromMs AND b.earned_at_ms < @ToMs
        """;

    /// <summary>The badges (each tier apart) agents earned in the range, from the engine's <c>participant_badges</c>.</summary>
    public async Task<IReadOnlyList<BadgeRow>> BadgesAsync(string tenantId, long fromMs, long toMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<BadgeRow>(new CommandDefinition(SelectBadges,
            new { TenantId = tenantId, FromMs = fromMs, ToMs = toMs }, cancellationToken: ct))).AsList();
    }

    private const string SelectAgents = """
        SELECT external_id AS AgentId, display_name AS DisplayName, team AS Team
        FROM participants
        WHERE tenant_id = @TenantId AND kind = 'agent'
        """;

    /// <summary>Every agent of the tenant with name and team.</summary>
    public async Task<IReadOnlyList<AgentRow>> AgentsAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<AgentRow>(new CommandDefinition(SelectAgents, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }
}

/// <summary>An inbox row as stats read it.</summary>
public sealed class InboxFact
{
    /// <summary>The event kind name.</summary>
    public string Kind { get; init; } = "";
    /// <summary>When it happened.</summary>
    public long OccurredAtMs { get; init; }
    /// <summary>The normalized event.</summary>
    public string EventJson { get; init; } = "";
}

/// <summary>A ledger row as stats read it.</summary>
public sealed class PointsRow
{
    /// <summary>The agent.</summary>
    public string AgentId { get; init; } = "";
    /// <summary>Category.</summary>
    public string Category { get; init; } = "";
    /// <summary>When.</summary>
    public long OccurredAtMs { get; init; }
    /// <summary>Points.</summary>
    public long Points { get; init; }
}

/// <summary>A badge tier an agent earned, as stats read it.</summary>
public sealed class BadgeRow
{
    /// <summary>The agent.</summary>
    public string AgentId { get; init; } = "";
    /// <summary>The badge id of the rule set.</summary>
    public string BadgeId { get; init; } = "";
    /// <summary>bronze, silver, gold, or empty for an untiered badge.</summary>
    public string Tier { get; init; } = "";
    /// <summary>When it was earned.</summary>
    public long EarnedAtMs { get; init; }
}

/// <summary>An agent as stats list them.</summary>
public sealed class AgentRow
{
    /// <summary>The helpdesk id.</summary>
    public string AgentId { get; init; } = "";
    /// <summary>Name.</summary>
    public string? DisplayName { get; init; }
    /// <summary>Team.</summary>
    public string? Team { get; init; }
}

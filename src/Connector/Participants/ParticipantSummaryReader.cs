using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Levels;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Quests;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Seasons;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Participants;

/// <summary>Everything a person's own view shows: balance and pending, categories, level, badges, quests, team and rank.</summary>
public sealed class ParticipantSummaryReader(Database database, ParticipantStore participants, RuleBook rules, LeaderboardReader boards, TimeProvider clock)
{
    private const string SelectBalance = "SELECT balance AS Balance, pending AS Pending, earned AS Earned FROM participant_balances WHERE participant_id = @ParticipantId AND tenant_id = @TenantId";

    private const string SelectByCategory = """
        SELECT category AS Category, SUM(points) AS Points FROM ledger
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND entry_kind NOT IN ('redemption', 'expiry')
        GROUP BY category
        """;

    private const string SelectBadges = "SELECT badge_id AS BadgeId, tier AS Tier, earned_at_ms AS EarnedAtMs FROM participant_badges WHERE tenant_id = @TenantId AND participant_id = @ParticipantId ORDER BY earned_at_ms, badge_id, tier";

    private const string SelectCompletions = "SELECT quest_key FROM quest_completions WHERE tenant_id = @TenantId AND participant_id = @ParticipantId";

    /// <summary>The summary, or null when the person is unknown.</summary>
    public async Task<ParticipantSummary?> ReadAsync(string tenantId, string kind, string externalId, CancellationToken ct = default)
    {
        var person = await participants.FindAsync(tenantId, kind, externalId, ct);
        if (person is null)
        {
            return null;
        }
        var set = await rules.ForAsync(tenantId, ct);
        var now = clock.GetUtcNow();
        var args = new { TenantId = tenantId, ParticipantId = person.Id };
        await using var connection = await database.OpenAsync(ct);
        var balance = await connection.QuerySingleOrDefaultAsync<(long Balance, long Pending, long Earned)?>(new CommandDefinition(SelectBalance, args, cancellationToken: ct))
            ?? (0, 0, 0);
        var byCategory = (await connection.QueryAsync<(string Category, long Points)>(new CommandDefinition(SelectByCategory, args, cancellationToken: ct)))
            .ToDictionary(r => r.Category, r => r.Points, StringComparer.Ordinal);
        foreach (var category in RuleSetValidator.Categories)
        {
            byCategory.TryAdd(category, 0);
        }
        var badgeDefs = set.Badges.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var badges = (await connection.QueryAsync<(string BadgeId, string Tier, long EarnedAtMs)>(new CommandDefinition(SelectBadges, args, cancellationToken: ct)))
            .Select(b => new BadgeView(b.BadgeId,
                badgeDefs.TryGetValue(b.BadgeId, out var d) ? d.Name
                    : b.BadgeId.StartsWith("trophy:", StringComparison.Ordinal) ? SeasonTrophies.TrophyName(b.BadgeId[7..]) : b.BadgeId,
                d?.Description ?? "", b.Tier, DateTimeOffset.FromUnixTimeMilliseconds(b.EarnedAtMs)))
            .ToList();
        var completions = (await connection.QueryAsync<string>(new CommandDefinition(SelectCompletions, args, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
        var target = kind == ParticipantKinds.Customer ? RuleTarget.Customer : RuleTarget.Agent;
        var shown = set.Quests.Where(q => q.For == target && (!q.Team || person.Team is not null)).ToList();
        // What is shown looks at the running quest instances (and, for personal-best steps, the four periods before each) and at a
        // customer's level window: only that is read, never the person's or the team's whole history, which grows without end.
        var ownFrom = shown.Where(q => !q.Team).Select(q => QuestSettlement.WindowStart(q, now))
            .Append(kind == ParticipantKinds.Customer && set.Levels.CustomerWindowDays is { } days ? now - TimeSpan.FromDays(days) : null)
            .Min();
        var teamFrom = shown.Where(q => q.Team).Select(q => QuestSettlement.WindowStart(q, now)).Min();
        var activity = ownFrom is { } from
            ? await ActivityStore.LoadAsync(connection, null, tenantId, person.Id, from.ToUnixTimeMilliseconds(), long.MaxValue, ct)
            : [];
        var teamActivity = person.Team is not null && teamFrom is { } teamSince
            ? (await ActivityStore.TeamUnitsAsync(connection, null, tenantId, person.Team, teamSince.ToUnixTimeMilliseconds(), long.MaxValue, ct))
                .Select(u => u.Activity).ToList()
            : [];
        var quests = shown
            .Select(q => (Quest: q, Status: QuestEvaluator.Evaluate(q, q.Team ? teamActivity : activity, now)))
            .Where(q => q.Status is not null)
            // A team quest is recorded per team: the one shown is the agent's current team's.
            .Select(q => QuestView.Of(q.Status!, completions.Contains(q.Quest.Team ? $"{q.Status!.Key}#{person.Team}" : q.Status!.Key)))
            .ToList();
        var level = ProgressTracker.Standing(set, kind, balance.Earned, activity, now);
        var board = kind == ParticipantKinds.Agent ? "agents" : "customers";
        var rank = (await boards.ReadAsync(tenantId, board, "all", 1, externalId, 0, ct)).Me?.Rank;
        return new ParticipantSummary(person.ExternalId, kind, person.DisplayName, balance.Balance, balance.Pending, byCategory,
            level, badges, quests, person.Team, rank);
    }
}

/// <summary>A person's own view of their game (the contract shape of <c>GET agents/{id}</c> and <c>customers/{id}</c>).</summary>
public sealed record ParticipantSummary(
    string ParticipantId,
    string Kind,
    string? DisplayName,
    long Points,
    long PendingPoints,
    IReadOnlyDictionary<string, long> ByCategory,
    LevelStanding Level,
    IReadOnlyList<BadgeView> Badges,
    IReadOnlyList<QuestView> Quests,
    string? Team,
    int? Rank);

/// <summary>An earned badge tier.</summary>
public sealed record BadgeView(string Id, string Name, string Description, string Tier, DateTimeOffset EarnedAt);

/// <summary>A running quest.</summary>
public sealed record QuestView(string Id, string Name, string Description, long Progress, long Target, bool Completed, int RewardPoints, DateTimeOffset EndsAt)
{
    /// <summary>The view of a quest status; <paramref name="recorded"/> keeps a completed quest completed.</summary>
    public static QuestView Of(QuestStatus q, bool recorded) =>
        new(q.Id, q.Name, q.Description, recorded ? q.Target : q.Progress, q.Target, q.Completed || recorded, q.RewardPoints, q.EndsAt);
}

using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Scoring.Badges;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Levels;
using HelpdeskGamify.Connector.Scoring.Quests;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Progress;

/// <summary>
/// After a batch's ledger entries, in the same transaction: award newly reached badge tiers, move
/// levels, complete quests (their reward is one more ledger entry). Badges and quest completions are
/// insert-if-absent rows, so replaying a batch never awards them twice.
/// </summary>
public sealed class ProgressTracker(Database database, LedgerWriter writer)
{
    private const string SelectLevel = "SELECT earned AS Earned, level_index AS LevelIndex FROM participant_balances WHERE participant_id = @ParticipantId AND tenant_id = @TenantId";

    private const string UpdateLevel = "UPDATE participant_balances SET level_index = @LevelIndex WHERE participant_id = @ParticipantId AND tenant_id = @TenantId";

    /// <summary>Updates everyone the batch touched.</summary>
    public async Task UpdateAsync(DbConnection connection, DbTransaction tx, Func<string, Task<RuleSet>> rulesFor, DateTimeOffset now,
        ScoringBatch batch, CancellationToken ct)
    {
        var teams = new TeamsInBatch();
        foreach (var person in batch.Touched.ToList().OrderBy(p => p.Id))
        {
            var rules = await rulesFor(person.TenantId);
            var activity = await ActivityStore.LoadAsync(connection, tx, person.TenantId, person.Id, ct);
            await BadgesAsync(connection, tx, person, rules, activity, now, batch, ct);
            await QuestsAsync(connection, tx, person, rules, activity, teams, now, batch, ct);
            await LevelAsync(connection, tx, person, rules, now, batch, ct);
        }
    }

    /// <summary>Where a person stands: lifetime earned points for agents; customers, optionally, only recent points.</summary>
    public static LevelStanding Standing(RuleSet rules, string kind, long earned, IReadOnlyList<Activity> activity, DateTimeOffset now)
    {
        if (kind == ParticipantKinds.Agent)
        {
            return LevelStanding.On(rules.Levels.Agent, earned);
        }
        var points = rules.Levels.CustomerWindowDays is { } days
            ? activity.Where(a => a.OccurredAtMs >= (now - TimeSpan.FromDays(days)).ToUnixTimeMilliseconds()).Sum(a => a.Points)
            : earned;
        return LevelStanding.On(rules.Levels.Customer, points);
    }

    private async Task BadgesAsync(DbConnection connection, DbTransaction tx, TouchedParticipant person, RuleSet rules,
        IReadOnlyList<Activity> activity, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        foreach (var badge in rules.Badges.Where(b => Target(b.For) == person.Kind))
        {
            foreach (var tier in BadgeEvaluator.Reached(badge, activity))
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertBadgeIfAbsent, new
                {
                    person.TenantId, ParticipantId = person.Id, BadgeId = badge.Id, tier.Tier, NowMs = now.ToUnixTimeMilliseconds(),
                }, tx, cancellationToken: ct));
                if (inserted == 1)
                {
                    batch.Badges.Add(new BadgeEarned(person.TenantId, person.Kind, person.ExternalId, badge.Id, badge.Name, badge.Description, tier.Tier));
                }
            }
        }
    }

    private async Task QuestsAsync(DbConnection connection, DbTransaction tx, TouchedParticipant person, RuleSet rules,
        IReadOnlyList<Activity> activity, TeamsInBatch teams, DateTimeOffset now,
        ScoringBatch batch, CancellationToken ct)
    {
        var team = person.Kind == ParticipantKinds.Agent && rules.Quests.Any(q => q.Team)
            ? await ActivityStore.TeamOfAsync(connection, tx, person.TenantId, person.Id, ct)
            : null;
        IReadOnlyList<Activity>? teamActivity = null;
        foreach (var quest in rules.Quests.Where(q => Target(q.For) == person.Kind && (!q.Team || team is not null)))
        {
            var measured = quest.Team ? teamActivity ??= await teams.ActivityAsync(connection, tx, person.TenantId, team!, ct) : activity;
            if (QuestEvaluator.Evaluate(quest, measured, now) is not { Progress: > 0 } status)
            {
                continue;
            }
            batch.Quests.Add(new QuestProgressed(person.TenantId, person.Kind, person.ExternalId, status));
            if (!status.Completed)
            {
                continue;
            }
            // A team quest rewards every member once, whoever's work completed it.
            // A team's completion was already recorded for every member earlier in this batch.
            if (quest.Team && !teams.FirstCompletion(person.TenantId, team!, status.Key))
            {
                continue;
            }
            var winners = quest.Team
                ? await ActivityStore.TeamMembersAsync(connection, tx, person.TenantId, team!, ct)
                : [(person.Id, person.ExternalId)];
            foreach (var (id, externalId) in winners)
            {
                if (await CompleteAsync(connection, tx, person.TenantId, person.Kind, id, externalId, quest, status, rules, now, batch, ct))
                {
                    teams.LedgerChanged();
                }
            }
        }
    }

    private async Task<bool> CompleteAsync(DbConnection connection, DbTransaction tx, string tenantId, string kind, long participantId, string externalId,
        QuestDefinition quest, QuestStatus status, RuleSet rules, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertQuestCompletionIfAbsent, new
        {
            TenantId = tenantId, ParticipantId = participantId, QuestKey = status.Key, NowMs = now.ToUnixTimeMilliseconds(),
        }, tx, cancellationToken: ct));
        return inserted == 1 && quest.RewardPoints > 0
            && await writer.WriteAsync(connection, tx, tenantId, new LedgerDelta(kind, externalId, null, null,
                "quest:" + quest.Id, "quest:" + status.Key, "engagement", $"Completed the {(quest.Team ? "team " : "")}quest '{quest.Name}'", EntryKinds.Award,
                quest.RewardPoints, 0, now.ToUnixTimeMilliseconds(), null), null, rules, now.ToUnixTimeMilliseconds(), batch, ct);
    }

    private async Task LevelAsync(DbConnection connection, DbTransaction tx, TouchedParticipant person, RuleSet rules, DateTimeOffset now,
        ScoringBatch batch, CancellationToken ct)
    {
        var args = new { person.TenantId, ParticipantId = person.Id };
        var row = await connection.QuerySingleOrDefaultAsync<(long Earned, int LevelIndex)?>(new CommandDefinition(SelectLevel, args, tx, cancellationToken: ct));
        if (row is not { } current)
        {
            return;
        }
        var activity = rules.Levels.CustomerWindowDays is null ? [] : await ActivityStore.LoadAsync(connection, tx, person.TenantId, person.Id, ct);
        var standing = Standing(rules, person.Kind, current.Earned, activity, now);
        if (standing.Index == current.LevelIndex)
        {
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition(UpdateLevel, new { args.TenantId, args.ParticipantId, LevelIndex = standing.Index }, tx, cancellationToken: ct));
        batch.Levels.Add(new LevelChanged(person.TenantId, person.Kind, person.ExternalId, standing, standing.Index > current.LevelIndex ? "up" : "down"));
    }

    private static string Target(RuleTarget t) => t == RuleTarget.Customer ? ParticipantKinds.Customer : ParticipantKinds.Agent;

    /// <summary>
    /// What one progress pass knows about teams. A team's activity is read once per batch instead of once
    /// per member scored (it reads the whole team's ledger): nothing else in the pass changes it but a quest
    /// reward, which empties it. A team quest instance is completed for all members at once, so later
    /// members of the same team in the batch would only repeat insert-if-absent rows that already exist.
    /// </summary>
    private sealed class TeamsInBatch
    {
        private readonly Dictionary<(string TenantId, string Team), IReadOnlyList<Activity>> _activity = [];
        private readonly HashSet<(string TenantId, string Team, string QuestKey)> _completed = [];

        public async Task<IReadOnlyList<Activity>> ActivityAsync(DbConnection connection, DbTransaction tx, string tenantId, string team, CancellationToken ct)
        {
            if (!_activity.TryGetValue((tenantId, team), out var activity))
            {
                activity = await ActivityStore.LoadTeamAsync(connection, tx, tenantId, team, ct);
                _activity[(tenantId, team)] = activity;
            }
            return activity;
        }

        public bool FirstCompletion(string tenantId, string team, string questKey) => _completed.Add((tenantId, team, questKey));

        public void LedgerChanged() => _activity.Clear();
    }
}

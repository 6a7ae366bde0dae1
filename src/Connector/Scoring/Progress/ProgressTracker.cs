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
/// After a batch's ledger entries, in the same transaction: settle quests, then badges and levels, of
/// everyone the batch touched. Each is brought to what the person's settled activity says now — a quest
/// or badge tier that no longer holds after a clawback is taken back — so the end state depends on the
/// facts, not on the order they arrived in. The pass reads counters and the units inside the windows the
/// definitions look at (<see cref="ActivityStore"/>), never a person's whole ledger.
/// </summary>
public sealed class ProgressTracker(Database database, LedgerWriter writer)
{
    // What the badge and level steps read of everyone a batch touched, one statement each per batch (not per person).
    private const string SelectLevels = """
        SELECT participant_id AS ParticipantId, earned AS Earned, level_index AS LevelIndex FROM participant_balances
        WHERE tenant_id = @TenantId AND participant_id IN @Ids
        """;

    private const string SelectHeldBadges = """
        SELECT participant_id AS ParticipantId, badge_id AS BadgeId, tier AS Tier FROM participant_badges
        WHERE tenant_id = @TenantId AND participant_id IN @Ids
        """;

    private const string SelectTotals = """
        SELECT participant_id AS ParticipantId, rule_id AS RuleId, category AS Category, awards AS Awards, points AS Points FROM activity_totals
        WHERE tenant_id = @TenantId AND participant_id IN @Ids
        """;

    // Ids per read: Dapper sends each as a parameter, and SQL Server takes at most 2,100.
    private const int IdsPerRead = 1000;

    private const string UpdateLevel = "UPDATE participant_balances SET level_index = @LevelIndex WHERE participant_id = @ParticipantId AND tenant_id = @TenantId";

    private const string DeleteBadge = "DELETE FROM participant_badges WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND badge_id = @BadgeId AND tier = @Tier";

    /// <summary>Updates everyone the batch touched.</summary>
    public async Task UpdateAsync(DbConnection connection, DbTransaction tx, Func<string, Task<RuleSet>> rulesFor, DateTimeOffset now,
        ScoringBatch batch, CancellationToken ct)
    {
        // Quests first: their rewards are activity that badges and levels count (but quests never count them).
        var changes = ByPerson(batch.ActivityChanges);
        foreach (var person in batch.Touched.ToList().OrderBy(p => p.Id))
        {
            var rules = await rulesFor(person.TenantId);
            await QuestSettlement.SettleAsync(database, writer, connection, tx, person, rules,
                changes.GetValueOrDefault((person.TenantId, person.Id)) ?? [], now, batch, ct);
        }
        await QuestSettlement.SettleTeamsAsync(database, writer, connection, tx, rulesFor, now, batch, ct);
        // Quest rewards may have touched team mates and added changes: take everyone as they are now.
        changes = ByPerson(batch.ActivityChanges);
        var people = batch.Touched.ToList().OrderBy(p => p.Id).ToList();
        // Badges and levels neither change counters nor balances, so what they read can be read for everyone at once (levels read
        // the balances, which the batch may still hold back).
        await writer.FlushBalancesAsync(connection, tx, batch, ct);
        var standing = await StandingAsync(connection, tx, people, ct);
        foreach (var person in people)
        {
            var rules = await rulesFor(person.TenantId);
            var mine = standing.GetValueOrDefault((person.TenantId, person.Id)) ?? new PersonStanding();
            await BadgesAsync(connection, tx, person, rules, mine, changes.GetValueOrDefault((person.TenantId, person.Id)) ?? [], now, batch, ct);
            await LevelAsync(connection, tx, person, rules, mine, now, batch, ct);
        }
    }

    // Each person's lifetime counters, badges held and level row, a few statements per batch.
    private static async Task<Dictionary<(string TenantId, long Id), PersonStanding>> StandingAsync(DbConnection connection, DbTransaction tx,
        IReadOnlyList<TouchedParticipant> people, CancellationToken ct)
    {
        var all = new Dictionary<(string, long), PersonStanding>();
        foreach (var tenant in people.GroupBy(p => p.TenantId))
        {
            foreach (var ids in tenant.Select(p => p.Id).Distinct().Chunk(IdsPerRead))
            {
                var args = new { TenantId = tenant.Key, Ids = ids };
                PersonStanding Of(long id) => all.TryGetValue((tenant.Key, id), out var s) ? s : all[(tenant.Key, id)] = new PersonStanding();
                foreach (var t in await connection.QueryAsync<(long ParticipantId, string RuleId, string Category, long Awards, long Points)>(
                    new CommandDefinition(SelectTotals, args, tx, cancellationToken: ct)))
                {
                    Of(t.ParticipantId).Totals.Add(new ActivityTotal(t.RuleId, t.Category, t.Awards, t.Points));
                }
                foreach (var b in await connection.QueryAsync<(long ParticipantId, string BadgeId, string Tier)>(
                    new CommandDefinition(SelectHeldBadges, args, tx, cancellationToken: ct)))
                {
                    Of(b.ParticipantId).Badges.Add((b.BadgeId, b.Tier));
                }
                foreach (var l in await connection.QueryAsync<(long ParticipantId, long Earned, int LevelIndex)>(
                    new CommandDefinition(SelectLevels, args, tx, cancellationToken: ct)))
                {
                    Of(l.ParticipantId).Level = (l.Earned, l.LevelIndex);
                }
            }
        }
        return all;
    }

    private sealed class PersonStanding
    {
        public List<ActivityTotal> Totals { get; } = [];

        public HashSet<(string BadgeId, string Tier)> Badges { get; } = [];

        public (long Earned, int LevelIndex)? Level { get; set; }
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

    /// <summary>
    /// A badge's measure from the lifetime counters, or, for window and streak badges, from the award times near the changes
    /// (then not complete: only tiers reached can be trusted, none taken away) or of all time when an award was taken back.
    /// Null when nothing the badge measures changed.
    /// </summary>
    public static async Task<(long Measure, bool Complete)?> MeasureAsync(DbConnection connection, DbTransaction? tx, string tenantId, long participantId,
        BadgeDefinition badge, IReadOnlyList<ActivityTotal> totals, IReadOnlyList<ActivityChange> changes, CancellationToken ct)
    {
        switch (badge.Kind)
        {
            case BadgeKind.First or BadgeKind.Count:
                return (totals.Where(t => t.RuleId == badge.Rule).Sum(t => t.Awards), true);
            case BadgeKind.Threshold:
                return (totals.Where(t => badge.Category is null || t.Category == badge.Category).Sum(t => t.Points), true);
        }
        var moved = changes.Where(c => c.RuleId == badge.Rule && c.AwardsDelta != 0).ToList();
        if (moved.Count == 0 || badge.Rule is null)
        {
            return null;
        }
        // Only runs or windows that contain a changed award can have changed; a lost award needs the whole history to re-decide.
        var lost = moved.Any(c => c.AwardsDelta < 0);
        var reach = badge.Kind == BadgeKind.Window ? TimeSpan.FromDays(badge.WindowDays) : TimeSpan.FromDays(badge.Tiers.Max(t => t.Target) + 1);
        var (from, to) = lost ? (long.MinValue, long.MaxValue)
            : (moved.Min(c => c.OccurredAtMs) - (long)reach.TotalMilliseconds, moved.Max(c => c.OccurredAtMs) + (long)reach.TotalMilliseconds + 1);
        var times = await ActivityStore.AwardTimesAsync(connection, tx, tenantId, participantId, badge.Rule, from, to, ct);
        return (BadgeEvaluator.Measure(badge, times.Select(t => new Activity(badge.Rule, "", t, 1)).ToList()), lost);
    }

    private async Task BadgesAsync(DbConnection connection, DbTransaction tx, TouchedParticipant person, RuleSet rules, PersonStanding standing,
        IReadOnlyList<ActivityChange> changes, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var badges = rules.Badges.Where(b => Target(b.For) == person.Kind).ToList();
        if (badges.Count == 0)
        {
            return;
        }
        var held = standing.Badges;
        var totals = standing.Totals;
        foreach (var badge in badges)
        {
            if (await MeasureAsync(connection, tx, person.TenantId, person.Id, badge, totals, changes, ct) is not var (measure, complete))
            {
                continue;
            }
            foreach (var tier in badge.Tiers)
            {
                var has = held.Contains((badge.Id, tier.Tier));
                if (measure >= tier.Target && !has)
                {
                    await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertBadgeIfAbsent, new
                    {
                        person.TenantId, ParticipantId = person.Id, BadgeId = badge.Id, tier.Tier, NowMs = now.ToUnixTimeMilliseconds(),
                    }, tx, cancellationToken: ct));
                    batch.Badges.Add(new BadgeEarned(person.TenantId, person.Kind, person.ExternalId, badge.Id, badge.Name, badge.Description, tier.Tier));
                }
                else if (measure < tier.Target && has && complete)
                {
                    // The awards behind it were taken back (a late reopen or unhappy rating): the tier goes with them.
                    await connection.ExecuteAsync(new CommandDefinition(DeleteBadge, new { person.TenantId, ParticipantId = person.Id, BadgeId = badge.Id, tier.Tier },
                        tx, cancellationToken: ct));
                }
            }
        }
    }

    private async Task LevelAsync(DbConnection connection, DbTransaction tx, TouchedParticipant person, RuleSet rules, PersonStanding known,
        DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var args = new { person.TenantId, ParticipantId = person.Id };
        if (known.Level is not { } current)
        {
            return;
        }
        var activity = rules.Levels.CustomerWindowDays is not { } days || person.Kind != ParticipantKinds.Customer ? []
            : await ActivityStore.LoadAsync(connection, tx, person.TenantId, person.Id, (now - TimeSpan.FromDays(days)).ToUnixTimeMilliseconds(), long.MaxValue, ct);
        var standing = Standing(rules, person.Kind, current.Earned, activity, now);
        if (standing.Index == current.LevelIndex)
        {
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition(UpdateLevel, new { args.TenantId, args.ParticipantId, LevelIndex = standing.Index }, tx, cancellationToken: ct));
        batch.Levels.Add(new LevelChanged(person.TenantId, person.Kind, person.ExternalId, standing, standing.Index > current.LevelIndex ? "up" : "down"));
    }

    private static Dictionary<(string, long), List<ActivityChange>> ByPerson(IEnumerable<ActivityChange> changes) =>
        changes.GroupBy(c => (c.TenantId, c.ParticipantId)).ToDictionary(g => g.Key, g => g.ToList());

    internal static string Target(RuleTarget t) => t == RuleTarget.Customer ? ParticipantKinds.Customer : ParticipantKinds.Agent;
}

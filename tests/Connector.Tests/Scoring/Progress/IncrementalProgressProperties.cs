using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Badges;
using HelpdeskGamify.Connector.Scoring.Levels;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Quests;

namespace HelpdeskGamify.Connector.Tests.Scoring.Progress;

/// <summary>
/// The progress pass keeps counters and reads only the windows its definitions need. After any generated game,
/// its counters, badges, levels, quest completions and quest rewards equal a full recomputation from the ledger
/// with the pure evaluators (what the pass did before it was incremental); team quests over the units credited to each team,
/// and team boards equal the settled points of the units credited to each team (so moved team credit left nothing behind).
/// </summary>
public sealed class IncrementalProgressProperties
{
    private static readonly string Agent = HelpdeskGamify.Connector.Scoring.ParticipantKinds.Agent;

    [Property(MaxTest = 12)]
    public Property Incremental_progress_equals_a_full_recomputation_from_the_ledger() =>
        Prop.ForAll(Arb.From(OrderIndependenceProperties.Cases), c =>
        {
            var (stored, recomputed) = OrderIndependenceProperties.RunAsync(c.Stream, c.Order, c.Duplicate, c.Pass, InspectAsync).GetAwaiter().GetResult();
            Assert.Equal(recomputed, stored);
        });

    private static async Task<(List<string> Stored, List<string> Recomputed)> InspectAsync(EngineHarness engine)
    {
        var rules = OrderIndependenceProperties.Game;
        var people = await engine.QueryAsync<(long Id, string Kind, string ExternalId, string? Team)>("SELECT id, kind, external_id, team FROM participants WHERE tenant_id = 'acme'");
        var units = (await engine.QueryAsync<(long Pid, string RuleId, string AwardKey, string Category, long OccurredAtMs, long Points)>("""
            SELECT participant_id, rule_id, COALESCE(award_key, ''), MIN(category), occurred_at_ms, SUM(points) FROM ledger
            WHERE tenant_id = 'acme' AND entry_kind NOT IN ('redemption', 'expiry') GROUP BY participant_id, rule_id, COALESCE(award_key, ''), occurred_at_ms
            """)).ToList();
        var earned = units.GroupBy(u => u.Pid).ToDictionary(g => g.Key, g => g.Sum(u => u.Points));
        var stored = new List<string>();
        var recomputed = new List<string>();

        stored.AddRange((await engine.QueryAsync<(long Pid, string RuleId, string AwardKey, long OccurredAtMs, long Points)>(
            "SELECT participant_id, rule_id, award_key, occurred_at_ms, points FROM activity_units WHERE points <> 0")).Select(u => $"unit {u.Pid} {u.RuleId} {u.AwardKey} {u.OccurredAtMs}={u.Points}"));
        recomputed.AddRange(units.Where(u => u.Points != 0).Select(u => $"unit {u.Pid} {u.RuleId} {u.AwardKey} {u.OccurredAtMs}={u.Points}"));
        stored.AddRange((await engine.QueryAsync<(long Pid, string RuleId, long Awards, long Points)>(
            "SELECT participant_id, rule_id, SUM(awards), SUM(points) FROM activity_totals GROUP BY participant_id, rule_id")).Where(t => t.Awards != 0 || t.Points != 0)
            .Select(t => $"total {t.Pid} {t.RuleId}={t.Awards}/{t.Points}"));
        recomputed.AddRange(units.GroupBy(u => (u.Pid, u.RuleId)).Select(g => (g.Key, Awards: g.Count(u => u.Points > 0), Points: g.Sum(u => u.Points)))
            .Where(t => t.Awards != 0 || t.Points != 0).Select(t => $"total {t.Key.Pid} {t.Key.RuleId}={t.Awards}/{t.Points}"));

        stored.AddRange((await engine.QueryAsync<(long Pid, string Badge, string Tier)>(
            "SELECT participant_id, badge_id, tier FROM participant_badges WHERE badge_id NOT LIKE 'trophy:%'")).Select(b => $"badge {b.Pid} {b.Badge}/{b.Tier}"));
        stored.AddRange((await engine.QueryAsync<(long Pid, long Level)>("SELECT participant_id, level_index FROM participant_balances")).Select(l => $"level {l.Pid}={l.Level}"));
        stored.AddRange((await engine.QueryAsync<(long Pid, string Quest)>("SELECT participant_id, quest_key FROM quest_completions")).Select(q => $"quest {q.Pid} {q.Quest}"));
        stored.AddRange(units.Where(u => u.RuleId.StartsWith("quest:", StringComparison.Ordinal)).GroupBy(u => (u.Pid, Key: u.AwardKey[..u.AwardKey.LastIndexOf('@')]))
            .Where(g => g.Sum(u => u.Points) != 0).Select(g => $"reward {g.Key.Pid} {g.Key.Key}={g.Sum(u => u.Points)}"));

        foreach (var person in people)
        {
            var mine = units.Where(u => u.Pid == person.Id).Select(u => new Activity(u.RuleId, u.Category, u.OccurredAtMs, u.Points)).ToList();
            foreach (var badge in rules.Badges.Where(b => (b.For == HelpdeskGamify.Connector.Scoring.Rules.RuleTarget.Customer ? "customer" : Agent) == person.Kind))
            {
                recomputed.AddRange(BadgeEvaluator.Reached(badge, mine).Select(t => $"badge {person.Id} {badge.Id}/{t.Tier}"));
            }
            if (await engine.QueryAsync<long>("SELECT COUNT(*) FROM participant_balances WHERE participant_id = @Id", new { person.Id }) is [> 0])
            {
                var ladder = person.Kind == Agent ? rules.Levels.Agent : rules.Levels.Customer;
                recomputed.Add($"level {person.Id}={LevelStanding.On(ladder, earned.GetValueOrDefault(person.Id)).Index}");
            }
            foreach (var quest in rules.Quests.Where(q => !q.Team && (q.For == HelpdeskGamify.Connector.Scoring.Rules.RuleTarget.Customer ? "customer" : Agent) == person.Kind))
            {
                var measured = units.Where(u => u.Pid == person.Id).Select(u => new Activity(u.RuleId, u.Category, u.OccurredAtMs, u.Points)).ToList();
                foreach (var status in Instances(quest, measured).Select(i => QuestEvaluator.Evaluate(quest, measured, i.Start)!).Where(s => s.Completed))
                {
                    recomputed.Add($"quest {person.Id} {status.Key}");
                    recomputed.Add($"reward {person.Id} quest:{status.Key}={quest.RewardPoints}");
                }
            }
        }
        // A team quest measures the units credited to the team and rewards everyone with settled activity for it in the instance.
        var teamOf = (await engine.QueryAsync<(long Pid, string RuleId, string AwardKey, long OccurredAtMs, string? Team)>(
            "SELECT participant_id, rule_id, award_key, occurred_at_ms, team FROM activity_units WHERE tenant_id = 'acme'"))
            .ToDictionary(u => (u.Pid, u.RuleId, u.AwardKey, u.OccurredAtMs), u => u.Team);
        var credited = units.Select(u => (Unit: u, Team: teamOf.GetValueOrDefault((u.Pid, u.RuleId, u.AwardKey, u.OccurredAtMs)))).Where(u => u.Team is not null).ToList();
        foreach (var quest in rules.Quests.Where(q => q.Team))
        {
            foreach (var team in credited.Select(u => u.Team!).Distinct())
            {
                var mine = credited.Where(u => u.Team == team).Select(u => u.Unit).ToList();
                var measured = mine.Select(u => new Activity(u.RuleId, u.Category, u.OccurredAtMs, u.Points)).ToList();
                foreach (var instance in Instances(quest, measured))
                {
                    var status = QuestEvaluator.Evaluate(quest, measured, instance.Start)!;
                    var (from, to) = (instance.Start.ToUnixTimeMilliseconds(), instance.End.ToUnixTimeMilliseconds());
                    var played = mine.Where(u => u.Points > 0 && u.OccurredAtMs >= from && u.OccurredAtMs < to && !u.RuleId.StartsWith("quest:", StringComparison.Ordinal))
                        .Select(u => u.Pid).Distinct();
                    foreach (var pid in status.Completed ? played : [])
                    {
                        recomputed.Add($"quest {pid} {status.Key}#{team}");
                        recomputed.Add($"reward {pid} quest:{status.Key}#{team}={quest.RewardPoints}");
                    }
                }
            }
        }
        // Team boards and the agents-of-team boards hold exactly the settled points of the units credited to each team.
        stored.AddRange((await engine.QueryAsync<(string Board, string Period, string Member, long Points)>(
            "SELECT board, period_key, member_key, points FROM leaderboard_totals WHERE tenant_id = 'acme' AND (board = 'teams' OR board LIKE 'agents@%') AND points <> 0"))
            .Select(r => $"board {r.Board} {r.Period} {r.Member}={r.Points}"));
        var external = people.ToDictionary(p => p.Id, p => p.ExternalId);
        var byTeam = credited.SelectMany(u => LeaderboardPeriods.Names.Select(period => (u.Team, u.Unit.Pid, u.Unit.Points,
            Period: LeaderboardPeriods.KeyOf(period, DateTimeOffset.FromUnixTimeMilliseconds(u.Unit.OccurredAtMs))))).ToList();
        recomputed.AddRange(byTeam.GroupBy(u => (u.Team, u.Period)).Select(g => (g.Key, Points: g.Sum(u => u.Points))).Where(g => g.Points != 0)
            .Select(g => $"board teams {g.Key.Period} {g.Key.Team}={g.Points}"));
        recomputed.AddRange(byTeam.GroupBy(u => (u.Team, u.Period, u.Pid)).Select(g => (g.Key, Points: g.Sum(u => u.Points))).Where(g => g.Points != 0)
            .Select(g => $"board {LeaderboardReader.TeamAgentsBoard(g.Key.Team!)} {g.Key.Period} {external[g.Key.Pid]}={g.Points}"));

        stored.Sort(StringComparer.Ordinal);
        recomputed.Sort(StringComparer.Ordinal);
        return (stored, recomputed);
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, string Key)> Instances(QuestDefinition quest, IEnumerable<Activity> measured) =>
        measured.Select(a => DateTimeOffset.FromUnixTimeMilliseconds(a.OccurredAtMs)).Append(OrderIndependenceProperties.End)
            .Select(t => QuestEvaluator.Instance(quest, t)).OfType<(DateTimeOffset Start, DateTimeOffset End, string Key)>().Distinct();
}

using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Quests;

/// <summary>
/// Brings a person's quest rewards in line with their settled activity. Every quest instance a changed
/// fact falls in (and, for personal-best steps, the four instances whose baseline it feeds) is measured
/// again: complete → one reward entry dated when it was completed; no longer complete (its points were
/// taken back) → the reward is reversed with a clawback entry. Fair to both sides and independent of the
/// order facts arrive in; an instance is never measured on more than its own window and baseline.
/// </summary>
public static class QuestSettlement
{
    private const string DeleteCompletion = "DELETE FROM quest_completions WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND quest_key = @QuestKey";

    /// <summary>Settles the individual quests of <paramref name="person"/> for the current instances and those <paramref name="changes"/> fall in.</summary>
    public static async Task SettleAsync(Database database, LedgerWriter writer, DbConnection connection, DbTransaction tx, TouchedParticipant person,
        RuleSet rules, IReadOnlyList<ActivityChange> changes, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var quests = rules.Quests.Where(q => ProgressTracker.Target(q.For) == person.Kind && !q.Team).ToList();
        if (quests.Count == 0)
        {
            return;
        }
        var times = changes.Where(c => !IsReward(c.RuleId)).Select(c => DateTimeOffset.FromUnixTimeMilliseconds(c.OccurredAtMs)).Distinct().ToList();
        var plan = quests.SelectMany(q => Instances(q, times, now)).ToList();
        if (plan.Count == 0)
        {
            return;
        }
        // One read covering every planned instance and the baselines before them, of the units with settled points only, award keys
        // included: each instance's reward units are taken from it (they lie inside the instance, so inside the read). A unit whose
        // net points are zero (pending, or taken back to zero) cannot change what is settled here, so it is not read:
        // - measures: a count step counts units with points > 0 and a points step sums points, so progress, completeness and the
        //   personal-best baselines are the same without it;
        // - completion time: the first instant at which every step has reached its target. An instant holding only zero-point units
        //   moves no measure: either an earlier instant had the same measures (and would have been returned already), or it comes
        //   before every unit with points, where every measure is 0 and below every target, since a target is at least the step's
        //   own (a personal-best one may be higher) and RuleSetValidator refuses a step target below 1;
        // - rewards: RewardAsync claws back only held units with points and tops the wanted key up from the sum of its points, to
        //   which a zero-point unit adds nothing.
        var from = plan.Min(p => Baseline(p.Quest, p.Start, p.End)).ToUnixTimeMilliseconds();
        var to = plan.Max(p => p.End).ToUnixTimeMilliseconds();
        var units = await ActivityStore.SettledUnitsAsync(connection, tx, person.TenantId, person.Id, from, to, ct);
        var own = units.Select(u => u.Activity).ToList();
        foreach (var (quest, start, end, current) in plan)
        {
            var status = QuestEvaluator.Evaluate(quest, own, start)!;
            if (current && status.Progress > 0)
            {
                batch.Quests.Add(new QuestProgressed(person.TenantId, person.Kind, person.ExternalId, status));
            }
            var completedAt = status.Completed ? QuestEvaluator.CompletedAt(quest, own, start) : null;
            var ruleId = QuestEvaluator.RewardRulePrefix + quest.Id;
            var (startMs, endMs) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
            var mine = units.Where(u => u.Activity.RuleId == ruleId && u.Activity.OccurredAtMs >= startMs && u.Activity.OccurredAtMs < endMs)
                .Select(u => (u.AwardKey, u.Activity.OccurredAtMs, u.Activity.Points)).ToList();
            await RewardAsync(database, writer, connection, tx, person.TenantId, person.Kind, person.Id, person.ExternalId, quest, null, status, mine, completedAt,
                rules, now, batch, ct);
        }
    }

    /// <summary>
    /// Settles team quests for every team the batch's changed units are credited to (at the instances they fall in) and the current
    /// team of every agent it touched (the running instance, whose progress is pushed to them). A team quest measures the units
    /// credited to the team — the team of the fact behind each — and rewards once every agent with settled activity for the team
    /// in the instance, whichever team they are in now; so it depends on the facts, not on when an agent's move arrived.
    /// </summary>
    public static async Task SettleTeamsAsync(Database database, LedgerWriter writer, DbConnection connection, DbTransaction tx,
        Func<string, Task<RuleSet>> rulesFor, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var teams = new Dictionary<(string TenantId, string Team), (HashSet<long> Times, List<TouchedParticipant> Watching)>();
        foreach (var c in batch.ActivityChanges.Where(c => c.Team is not null && !IsReward(c.RuleId)))
        {
            Entry(c.TenantId, c.Team!).Times.Add(c.OccurredAtMs);
        }
        foreach (var person in batch.Touched.Where(p => p.Kind == ParticipantKinds.Agent).OrderBy(p => p.Id))
        {
            if ((await rulesFor(person.TenantId)).Quests.Any(q => q.Team)
                && await ActivityStore.TeamOfAsync(connection, tx, person.TenantId, person.Id, ct) is { } current)
            {
                Entry(person.TenantId, current).Watching.Add(person);
            }
        }
        foreach (var ((tenantId, team), (times, watching)) in teams.OrderBy(t => t.Key.TenantId, StringComparer.Ordinal).ThenBy(t => t.Key.Team, StringComparer.Ordinal))
        {
            var rules = await rulesFor(tenantId);
            var plan = rules.Quests.Where(q => q.Team && q.For == RuleTarget.Agent)
                .SelectMany(q => Instances(q, times.Select(DateTimeOffset.FromUnixTimeMilliseconds).ToList(), now)).ToList();
            if (plan.Count == 0)
            {
                continue;
            }
            // One read of the team's units per run of overlapping instances (with their baselines), so a late fact of an old period
            // does not read every week since. Each instance's rewards are written only in its own turn below, after its read.
            var reads = new List<(long From, long To, IReadOnlyList<(long ParticipantId, Activity Activity)> Units)>();
            foreach (var (from, to) in Spans(plan.Select(p => (Baseline(p.Quest, p.Start, p.End).ToUnixTimeMilliseconds(), p.End.ToUnixTimeMilliseconds()))))
            {
                reads.Add((from, to, await ActivityStore.TeamUnitsAsync(connection, tx, tenantId, team, from, to, ct)));
            }
            foreach (var (quest, start, end, current) in plan)
            {
                var (startMs, endMs) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
                var baselineMs = Baseline(quest, start, end).ToUnixTimeMilliseconds();
                var units = reads.First(r => r.From <= baselineMs && endMs <= r.To).Units;
                var measured = units.Select(u => u.Activity).ToList();
                var status = QuestEvaluator.Evaluate(quest, measured, start)!;
                if (current && status.Progress > 0)
                {
                    batch.Quests.AddRange(watching.Select(p => new QuestProgressed(tenantId, p.Kind, p.ExternalId, status)));
                }
                var completedAt = status.Completed ? QuestEvaluator.CompletedAt(quest, measured, start) : null;
                var ruleId = QuestEvaluator.RewardRulePrefix + quest.Id;
                // Who took part for this team in this instance (settled activity credited to it), and who holds a reward of it.
                var playing = units.Where(u => u.Activity.Counts && u.Activity.OccurredAtMs >= startMs && u.Activity.OccurredAtMs < endMs && !IsReward(u.Activity.RuleId))
                    .Select(u => u.ParticipantId).ToHashSet();
                var rewards = units.Any(u => u.Activity.RuleId == ruleId && u.Activity.OccurredAtMs >= startMs && u.Activity.OccurredAtMs < endMs)
                    ? await ActivityStore.TeamRuleUnitsAsync(connection, tx, tenantId, team, ruleId, startMs, endMs, ct)
                    : [];
                // Players need work only when it is complete (or its completions carry no points), holders always.
                var people = playing.Where(_ => completedAt is not null || quest.RewardPoints == 0).Concat(rewards.Where(r => r.Points != 0).Select(r => r.ParticipantId)).Distinct().Order().ToList();
                var externalIds = await ActivityStore.ExternalIdsAsync(connection, tx, tenantId, people, ct);
                foreach (var id in people)
                {
                    var held = rewards.Where(r => r.ParticipantId == id).Select(r => (r.AwardKey, r.OccurredAtMs, r.Points)).ToList();
                    var wins = playing.Contains(id) && completedAt is not null;
                    await RewardAsync(database, writer, connection, tx, tenantId, ParticipantKinds.Agent, id, externalIds[id], quest, team, status, held,
                        wins ? completedAt : null, rules, now, batch, ct);
                }
            }
        }

        (HashSet<long> Times, List<TouchedParticipant> Watching) Entry(string tenantId, string team)
        {
            if (!teams.TryGetValue((tenantId, team), out var entry))
            {
                teams[(tenantId, team)] = entry = ([], []);
            }
            return entry;
        }
    }

    // Merges [from, to) ranges that overlap or touch.
    private static List<(long From, long To)> Spans(IEnumerable<(long From, long To)> ranges)
    {
        var spans = new List<(long From, long To)>();
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            if (spans.Count > 0 && from <= spans[^1].To)
            {
                spans[^1] = (spans[^1].From, Math.Max(spans[^1].To, to));
            }
            else
            {
                spans.Add((from, to));
            }
        }
        return spans;
    }

    private static bool IsReward(string ruleId) => ruleId.StartsWith(QuestEvaluator.RewardRulePrefix, StringComparison.Ordinal);

    private static IEnumerable<(QuestDefinition Quest, DateTimeOffset Start, DateTimeOffset End, bool Current)> Instances(
        QuestDefinition quest, IReadOnlyList<DateTimeOffset> times, DateTimeOffset now)
    {
        var current = QuestEvaluator.Instance(quest, now);
        var found = new SortedDictionary<DateTimeOffset, DateTimeOffset>();
        if (current is { } c)
        {
            found[c.Start] = c.End;
        }
        var followers = quest.Steps.Any(s => s.PersonalBest) ? 4 : 0;
        foreach (var t in times)
        {
            var instance = QuestEvaluator.Instance(quest, t);
            for (var i = 0; i <= followers && instance is { } x; i++)
            {
                found[x.Start] = x.End;
                instance = QuestEvaluator.Instance(quest, x.End);
            }
        }
        return found.Select(kv => (quest, kv.Key, kv.Value, kv.Key == current?.Start));
    }

    /// <summary>
    /// The earliest moment whose activity can move the instance of <paramref name="quest"/> running at <paramref name="now"/> (its start, or
    /// the start of its baseline for personal-best steps), or null when none runs.
    /// </summary>
    public static DateTimeOffset? WindowStart(QuestDefinition quest, DateTimeOffset now) =>
        QuestEvaluator.Instance(quest, now) is var (start, end, _) ? Baseline(quest, start, end) : null;

    private static DateTimeOffset Baseline(QuestDefinition quest, DateTimeOffset start, DateTimeOffset end) =>
        quest.Steps.Any(s => s.PersonalBest) ? start - ((end - start) * 4) : start;

    /// <summary>
    /// Brings one person's reward of one quest instance in line (for a team quest, the reward for <paramref name="team"/>: an agent who
    /// played for two teams in one instance can earn both). <paramref name="units"/> are their units of the quest's reward rule.
    /// </summary>
    private static async Task RewardAsync(Database database, LedgerWriter writer, DbConnection connection, DbTransaction tx, string tenantId, string kind,
        long participantId, string externalId, QuestDefinition quest, string? team, QuestStatus status, IReadOnlyList<(string AwardKey, long OccurredAtMs, long Points)> units,
        DateTimeOffset? completedAt, RuleSet rules, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var ruleId = QuestEvaluator.RewardRulePrefix + quest.Id;
        var prefix = QuestEvaluator.RewardRulePrefix + status.Key;
        // A team quest's reward and completion carry the team; its rewards written before that (no team in the key) are
        // found through the team they were credited to and settled like the others.
        var (ownPrefix, completionKey) = team is null ? (prefix, status.Key) : ($"{prefix}#{team}", $"{status.Key}#{team}");
        // The award key carries the completion time, so a completion that moves is reversed where it was and paid where it is now.
        var wantedKey = completedAt is { } at ? $"{ownPrefix}@{at.ToUnixTimeMilliseconds()}" : null;
        var held = units.Where(u => IsRewardKey(u.AwardKey, ownPrefix) || (team is not null && IsRewardKey(u.AwardKey, prefix))).ToList();
        var nowMs = now.ToUnixTimeMilliseconds();
        var name = team is null ? $"quest '{quest.Name}'" : $"team quest '{quest.Name}' with {team}";
        var changed = false;
        foreach (var unit in held.Where(u => u.AwardKey != wantedKey && u.Points != 0))
        {
            var reason = wantedKey is null ? $"The {name} is no longer complete (points it counted were taken back)" : $"The {name}: completion moved to when it was reached";
            changed |= await writer.WriteAsync(connection, tx, tenantId, new LedgerDelta(kind, externalId, null, null, ruleId, unit.AwardKey, "engagement", reason,
                EntryKinds.Clawback, checked((int)-unit.Points), 0, unit.OccurredAtMs, null) { CreditTeam = team }, null, rules, nowMs, batch, ct);
        }
        if (wantedKey is not null)
        {
            var missing = quest.RewardPoints - held.Where(u => u.AwardKey == wantedKey).Sum(u => u.Points);
            if (missing != 0)
            {
                changed |= await writer.WriteAsync(connection, tx, tenantId, new LedgerDelta(kind, externalId, null, null, ruleId, wantedKey, "engagement",
                    $"Completed the {name}", missing > 0 ? EntryKinds.Award : EntryKinds.Adjustment, checked((int)missing), 0, completedAt!.Value.ToUnixTimeMilliseconds(), null) { CreditTeam = team },
                    null, rules, nowMs, batch, ct);
            }
            if (changed || quest.RewardPoints == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertQuestCompletionIfAbsent, new
                {
                    TenantId = tenantId, ParticipantId = participantId, QuestKey = completionKey, NowMs = nowMs,
                }, tx, cancellationToken: ct));
            }
        }
        else if (changed || quest.RewardPoints == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteCompletion, new { TenantId = tenantId, ParticipantId = participantId, QuestKey = completionKey },
                tx, cancellationToken: ct));
        }
    }

    /// <summary>Whether <paramref name="awardKey"/> is a reward of the instance <paramref name="prefix"/> names (bare, or "@" and its completion time).</summary>
    internal static bool IsRewardKey(string awardKey, string prefix) =>
        awardKey == prefix || (awardKey.Length > prefix.Length + 1 && awardKey.StartsWith(prefix, StringComparison.Ordinal) && awardKey[prefix.Length] == '@'
            && awardKey.AsSpan(prefix.Length + 1).IndexOfAnyExceptInRange('0', '9') < 0);
}

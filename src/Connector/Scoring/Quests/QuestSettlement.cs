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

    /// <summary>Settles the quests of <paramref name="person"/> for the current instances and those <paramref name="changes"/> fall in.</summary>
    public static async Task SettleAsync(Database database, LedgerWriter writer, DbConnection connection, DbTransaction tx, TouchedParticipant person,
        RuleSet rules, IReadOnlyList<ActivityChange> changes, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var quests = rules.Quests.Where(q => ProgressTracker.Target(q.For) == person.Kind && (!q.Team || person.Kind == ParticipantKinds.Agent)).ToList();
        if (quests.Count == 0)
        {
            return;
        }
        var team = quests.Any(q => q.Team) ? await ActivityStore.TeamOfAsync(connection, tx, person.TenantId, person.Id, ct) : null;
        var times = changes.Where(c => !c.RuleId.StartsWith(QuestEvaluator.RewardRulePrefix, StringComparison.Ordinal))
            .Select(c => DateTimeOffset.FromUnixTimeMilliseconds(c.OccurredAtMs)).Distinct().ToList();
        var plan = quests.Where(q => !q.Team || team is not null).SelectMany(q => Instances(q, times, now)).ToList();
        if (plan.Count == 0)
        {
            return;
        }
        // One read each for the person and the team, covering every planned instance and the baselines before them.
        var from = plan.Min(p => Baseline(p.Quest, p.Start, p.End)).ToUnixTimeMilliseconds();
        var to = plan.Max(p => p.End).ToUnixTimeMilliseconds();
        var own = plan.Any(p => !p.Quest.Team) ? await ActivityStore.LoadAsync(connection, tx, person.TenantId, person.Id, from, to, ct) : [];
        // Team reads are shared with the team's other agents in this batch until the ledger changes (ScoringBatch.ReadOnceAsync).
        var members = plan.Any(p => p.Quest.Team)
            ? await batch.ReadOnceAsync(tx, ("team-activity", person.TenantId, team!, from, to), () => ActivityStore.LoadTeamAsync(connection, tx, person.TenantId, team!, from, to, ct))
            : [];
        var teamActivity = members.Select(m => m.Activity).ToList();
        var roster = plan.Any(p => p.Quest.Team)
            ? await batch.ReadOnceAsync(tx, ("team-roster", person.TenantId, team!), () => ActivityStore.TeamMembersAsync(connection, tx, person.TenantId, team!, ct))
            : [];
        foreach (var (quest, start, end, current) in plan)
        {
            var measured = quest.Team ? teamActivity : own;
            var status = QuestEvaluator.Evaluate(quest, measured, start)!;
            if (current && status.Progress > 0)
            {
                batch.Quests.Add(new QuestProgressed(person.TenantId, person.Kind, person.ExternalId, status));
            }
            var completedAt = status.Completed ? QuestEvaluator.CompletedAt(quest, measured, start) : null;
            var (startMs, endMs) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
            var ruleId = QuestEvaluator.RewardRulePrefix + quest.Id;
            if (!quest.Team)
            {
                var mine = await ActivityStore.RuleUnitsAsync(connection, tx, person.TenantId, person.Id, ruleId, startMs, endMs, ct);
                await RewardAsync(database, writer, connection, tx, person.TenantId, person.Kind, person.Id, person.ExternalId, quest, status, mine, completedAt,
                    rules, now, batch, ct);
                continue;
            }
            // One read of the team's rewards of this quest; members who neither hold nor earn one need no work.
            var rewards = await batch.ReadOnceAsync(tx, ("team-rule-units", person.TenantId, team!, ruleId, startMs, endMs),
                () => ActivityStore.TeamRuleUnitsAsync(connection, tx, person.TenantId, team!, ruleId, startMs, endMs, ct));
            // A team quest rewards once every member who took part in it (settled activity inside the instance), whoever's work completed it.
            var playing = members.Where(m => m.Activity.Counts && m.Activity.OccurredAtMs >= startMs && m.Activity.OccurredAtMs < endMs
                && !m.Activity.RuleId.StartsWith(QuestEvaluator.RewardRulePrefix, StringComparison.Ordinal)).Select(m => m.ParticipantId).ToHashSet();
            foreach (var (id, externalId) in roster)
            {
                var held = rewards.Where(r => r.ParticipantId == id).Select(r => (r.AwardKey, r.OccurredAtMs, r.Points)).ToList();
                var wins = playing.Contains(id) && completedAt is not null;
                if (wins || held.Any(h => h.Points != 0))
                {
                    await RewardAsync(database, writer, connection, tx, person.TenantId, person.Kind, id, externalId, quest, status, held,
                        wins ? completedAt : null, rules, now, batch, ct);
                }
            }
        }
    }

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

    private static DateTimeOffset Baseline(QuestDefinition quest, DateTimeOffset start, DateTimeOffset end) =>
        quest.Steps.Any(s => s.PersonalBest) ? start - ((end - start) * 4) : start;

    private static async Task RewardAsync(Database database, LedgerWriter writer, DbConnection connection, DbTransaction tx, string tenantId, string kind,
        long participantId, string externalId, QuestDefinition quest, QuestStatus status, IReadOnlyList<(string AwardKey, long OccurredAtMs, long Points)> units,
        DateTimeOffset? completedAt, RuleSet rules, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var ruleId = QuestEvaluator.RewardRulePrefix + quest.Id;
        var prefix = QuestEvaluator.RewardRulePrefix + status.Key;
        // The award key carries the completion time, so a completion that moves is reversed where it was and paid where it is now.
        var wantedKey = completedAt is { } at ? $"{prefix}@{at.ToUnixTimeMilliseconds()}" : null;
        var held = units.Where(u => u.AwardKey == prefix || u.AwardKey.StartsWith(prefix + "@", StringComparison.Ordinal)).ToList();
        var nowMs = now.ToUnixTimeMilliseconds();
        var name = $"{(quest.Team ? "team " : "")}quest '{quest.Name}'";
        var changed = false;
        foreach (var unit in held.Where(u => u.AwardKey != wantedKey && u.Points != 0))
        {
            var reason = wantedKey is null ? $"The {name} is no longer complete (points it counted were taken back)" : $"The {name}: completion moved to when it was reached";
            changed |= await writer.WriteAsync(connection, tx, tenantId, new LedgerDelta(kind, externalId, null, null, ruleId, unit.AwardKey, "engagement", reason,
                EntryKinds.Clawback, checked((int)-unit.Points), 0, unit.OccurredAtMs, null), null, rules, nowMs, batch, ct);
        }
        if (wantedKey is not null)
        {
            var missing = quest.RewardPoints - held.Where(u => u.AwardKey == wantedKey).Sum(u => u.Points);
            if (missing != 0)
            {
                changed |= await writer.WriteAsync(connection, tx, tenantId, new LedgerDelta(kind, externalId, null, null, ruleId, wantedKey, "engagement",
                    $"Completed the {name}", missing > 0 ? EntryKinds.Award : EntryKinds.Adjustment, checked((int)missing), 0, completedAt!.Value.ToUnixTimeMilliseconds(), null),
                    null, rules, nowMs, batch, ct);
            }
            if (changed || quest.RewardPoints == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertQuestCompletionIfAbsent, new
                {
                    TenantId = tenantId, ParticipantId = participantId, QuestKey = status.Key, NowMs = nowMs,
                }, tx, cancellationToken: ct));
            }
        }
        else if (changed || quest.RewardPoints == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteCompletion, new { TenantId = tenantId, ParticipantId = participantId, QuestKey = status.Key },
                tx, cancellationToken: ct));
        }
    }
}

using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Progress;

namespace HelpdeskGamify.Connector.Scoring.Quests;

/// <summary>A quest's state for one person at one moment.</summary>
/// <param name="Id">The quest id.</param>
/// <param name="Key">The quest instance (id and period), the unit of completion.</param>
/// <param name="Name">Shown name.</param>
/// <param name="Description">Shown description.</param>
/// <param name="Progress">Progress, summed over steps (each counted up to its target).</param>
/// <param name="Target">Sum of step targets.</param>
/// <param name="Completed">All steps done.</param>
/// <param name="RewardPoints">Points for completing it.</param>
/// <param name="EndsAt">When this instance ends.</param>
public sealed record QuestStatus(string Id, string Key, string Name, string Description, long Progress, long Target,
    bool Completed, int RewardPoints, DateTimeOffset EndsAt);

/// <summary>
/// Measures quests over a person's activity. Pure: an instance's state is a function of the activity
/// whose facts happened inside it (and, for personal-best steps, the four periods before it).
/// Quest rewards themselves never count toward quests.
/// </summary>
public static class QuestEvaluator
{
    /// <summary>The rule id prefix of quest rewards.</summary>
    public const string RewardRulePrefix = "quest:";

    /// <summary>The instance of <paramref name="quest"/> running at <paramref name="now"/>, or null when none runs.</summary>
    public static QuestStatus? Evaluate(QuestDefinition quest, IReadOnlyList<Activity> activity, DateTimeOffset now)
    {
        if (Instance(quest, now) is not var (start, end, key))
        {
            return null;
        }
        long progress = 0, target = 0;
        var completed = quest.Steps.Count > 0;
        foreach (var (step, stepTarget) in Targets(quest, activity, start, end))
        {
            var measured = Measure(step, activity, start, end);
            progress += Math.Min(measured, stepTarget);
            target += stepTarget;
            completed &= measured >= stepTarget;
        }
        return new QuestStatus(quest.Id, $"{quest.Id}:{key}", quest.Name, quest.Description, progress, target, completed, quest.RewardPoints, end);
    }

    /// <summary>
    /// When the instance running at <paramref name="at"/> was completed: the time of the earliest activity at which every
    /// step had reached its target, counting only what still holds; null when it is not complete.
    /// </summary>
    public static DateTimeOffset? CompletedAt(QuestDefinition quest, IReadOnlyList<Activity> activity, DateTimeOffset at)
    {
        if (quest.Steps.Count == 0 || Instance(quest, at) is not var (start, end, _))
        {
            return null;
        }
        var targets = Targets(quest, activity, start, end).ToList();
        var measured = new long[targets.Count];
        var (from, to) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
        // Activity of one instant is taken together, so ties never depend on the order rows came in.
        foreach (var instant in activity.Where(a => a.OccurredAtMs >= from && a.OccurredAtMs < to && Counted(a)).GroupBy(a => a.OccurredAtMs).OrderBy(g => g.Key))
        {
            for (var i = 0; i < targets.Count; i++)
            {
                measured[i] += Measure(targets[i].Step, instant);
            }
            if (Enumerable.Range(0, targets.Count).All(i => measured[i] >= targets[i].Target))
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(instant.Key);
            }
        }
        return null;
    }

    private static IEnumerable<(QuestStep Step, long Target)> Targets(QuestDefinition quest, IReadOnlyList<Activity> activity, DateTimeOffset start, DateTimeOffset end) =>
        quest.Steps.Select(step => (step, step.PersonalBest ? Math.Max(step.Target, Baseline(step, activity, start, end - start) + 1) : step.Target));

    private static bool Counted(Activity a) => !a.RuleId.StartsWith(RewardRulePrefix, StringComparison.Ordinal);

    private static long Measure(QuestStep step, IReadOnlyList<Activity> activity, DateTimeOffset start, DateTimeOffset end)
    {
        var (from, to) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
        return Measure(step, activity.Where(a => a.OccurredAtMs >= from && a.OccurredAtMs < to));
    }

    private static long Measure(QuestStep step, IEnumerable<Activity> activity)
    {
        var counted = activity.Where(Counted);
        return step.Measure == QuestMeasure.Count
            ? counted.Count(a => a.RuleId == step.Rule && a.Counts)
            : counted.Where(a => step.Category is null || a.Category == step.Category).Sum(a => a.Points);
    }

    // The average of the four previous periods, so a quiet agent and a busy one each have a goal they can reach.
    private static long Baseline(QuestStep step, IReadOnlyList<Activity> activity, DateTimeOffset start, TimeSpan length)
    {
        long sum = 0;
        for (var i = 1; i <= 4; i++)
        {
            sum += Measure(step, activity, start - (length * i), start - (length * (i - 1)));
        }
        return sum / 4;
    }

    /// <summary>The instance of <paramref name="quest"/> that <paramref name="now"/> falls in (start, exclusive end, key part), or null.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End, string Key)? Instance(QuestDefinition quest, DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var day = new DateTimeOffset(utc.Date, TimeSpan.Zero);
        switch (quest.Recurrence)
        {
            case QuestRecurrence.Once:
                return quest.StartsAt is { } s && quest.EndsAt is { } e && now >= s && now < e ? (s, e, "once") : null;
            case QuestRecurrence.Day:
                return (day, day.AddDays(1), LeaderboardPeriods.KeyOf("day", now));
            case QuestRecurrence.Week:
                var monday = day.AddDays(-(((int)utc.DayOfWeek + 6) % 7));
                return (monday, monday.AddDays(7), LeaderboardPeriods.KeyOf("week", now));
            case QuestRecurrence.Month:
                var first = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
                return (first, first.AddMonths(1), LeaderboardPeriods.KeyOf("month", now));
            default:
                var quarter = new DateTimeOffset(utc.Year, (((utc.Month - 1) / 3) * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
                return (quarter, quarter.AddMonths(3), LeaderboardPeriods.KeyOf("season", now));
        }
    }
}

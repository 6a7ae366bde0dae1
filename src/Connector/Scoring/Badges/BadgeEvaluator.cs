using HelpdeskGamify.Connector.Scoring.Progress;

namespace HelpdeskGamify.Connector.Scoring.Badges;

/// <summary>Measures badges over a person's activity. Pure, and independent of the order activity arrived in.</summary>
public static class BadgeEvaluator
{
    /// <summary>The tiers of <paramref name="badge"/> that <paramref name="activity"/> has reached.</summary>
    public static IReadOnlyList<BadgeTier> Reached(BadgeDefinition badge, IReadOnlyList<Activity> activity)
    {
        var measure = Measure(badge, activity);
        return badge.Tiers.Where(t => measure >= t.Target).ToList();
    }

    /// <summary>The badge's measure for this activity.</summary>
    public static long Measure(BadgeDefinition badge, IReadOnlyList<Activity> activity) => badge.Kind switch
    {
        BadgeKind.First or BadgeKind.Count => Times(badge, activity).Count,
        BadgeKind.Window => MostInWindow(Times(badge, activity), TimeSpan.FromDays(badge.WindowDays).Ticks / TimeSpan.TicksPerMillisecond),
        BadgeKind.Streak => LongestStreak(Times(badge, activity)),
        BadgeKind.Threshold => activity.Where(a => badge.Category is null || a.Category == badge.Category).Sum(a => a.Points),
        _ => 0,
    };

    private static List<long> Times(BadgeDefinition badge, IReadOnlyList<Activity> activity) =>
        activity.Where(a => a.RuleId == badge.Rule && a.Counts).Select(a => a.OccurredAtMs).Order().ToList();

    private static long MostInWindow(List<long> sorted, long windowMs)
    {
        var best = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= windowMs)
            {
                start++;
            }
            best = Math.Max(best, end - start + 1);
        }
        return best;
    }

    private static long LongestStreak(List<long> sorted)
    {
        var days = sorted.Select(ms => ms / 86_400_000).Distinct().ToList();
        long best = 0;
        long run = 0;
        for (var i = 0; i < days.Count; i++)
        {
            run = i > 0 && days[i] == days[i - 1] + 1 ? run + 1 : 1;
            best = Math.Max(best, run);
        }
        return best;
    }
}

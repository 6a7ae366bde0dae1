namespace HelpdeskGamify.AgentHub.Kpis;

/// <summary>One KPI of the service-centre playbook: what it measures, which way is good, its default target.</summary>
public sealed record KpiDefinition(string Key, string Label, string Unit, string Direction, double? DefaultTarget, string Period);

/// <summary>The playbook's KPIs and their default targets.</summary>
public static class KpiDefinitions
{
    /// <summary>All of them, in dashboard order.</summary>
    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new("registered_growth", "Registered participants, growth per quarter", "%", "above", 20, "quarter"),
        new("positive_reviews_growth", "Positive reviews, growth per month", "%", "above", 15, "month"),
        new("monthly_active", "Monthly active participants", "%", "above", 70, "month"),
        new("complaints", "Complaints (bad ratings) per month", "count", "below", 5, "month"),
        new("points_issued", "Points issued per month", "points", "above", null, "month"),
        new("points_redeemed", "Points redeemed per month", "points", "above", null, "month"),
    ];

    /// <summary>Whether <paramref name="key"/> names a KPI.</summary>
    public static bool IsKnown(string key) => All.Any(k => k.Key == key);
}

/// <summary>A KPI now, against its target, with its trend (oldest first, the last is now).</summary>
public sealed record KpiView(string Key, string Label, string Unit, string Direction, double? Value, double? Target, bool? Met, IReadOnlyList<KpiPoint> Trend);

/// <summary>One period's value.</summary>
public sealed record KpiPoint(string Period, double? Value);

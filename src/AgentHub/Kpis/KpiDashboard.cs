using System.Globalization;
using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.AgentHub.Kpis;

/// <summary>Computes the KPI dashboard: each KPI per period (six months, four quarters) against its target.</summary>
public sealed class KpiDashboard(KpiStore store, TimeProvider clock)
{
    private const int Months = 6;
    private const int Quarters = 4;

    /// <summary>Every KPI of the tenant now, with trend and target.</summary>
    public async Task<IReadOnlyList<KpiView>> ReadAsync(string tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var targets = await store.TargetsAsync(tenantId, ct);
        var months = PeriodStarts(now, Months + 1, 1);
        var quarters = PeriodStarts(now, Quarters + 1, 3);
        var monthly = new List<MonthFacts>();
        for (var i = 0; i < months.Count - 1; i++)
        {
            monthly.Add(await MonthAsync(tenantId, months[i], months[i + 1], ct));
        }
        var registered = new List<long>();
        foreach (var start in quarters)
        {
            registered.Add(await store.RegisteredBeforeAsync(tenantId, Ms(start), ct));
        }

        var series = new Dictionary<string, List<KpiPoint>>
        {
            ["registered_growth"] = Enumerable.Range(0, Quarters).Select(i => new KpiPoint(Quarter(quarters[i]), Growth(registered[i], registered[i + 1]))).ToList(),
            ["positive_reviews_growth"] = Enumerable.Range(1, Months - 1).Select(i => new KpiPoint(Month(months[i]), Growth(monthly[i - 1].Positive, monthly[i].Positive))).ToList(),
            ["monthly_active"] = monthly.Select((m, i) => new KpiPoint(Month(months[i]), m.Registered == 0 ? null : Math.Round(100.0 * m.Active / m.Registered, 1))).ToList(),
            ["complaints"] = monthly.Select((m, i) => new KpiPoint(Month(months[i]), m.Complaints)).ToList(),
            ["points_issued"] = monthly.Select((m, i) => new KpiPoint(Month(months[i]), m.Issued)).ToList(),
            ["points_redeemed"] = monthly.Select((m, i) => new KpiPoint(Month(months[i]), m.Redeemed)).ToList(),
        };
        return KpiDefinitions.All.Select(d =>
        {
            var trend = series[d.Key];
            var value = trend[^1].Value;
            var target = targets.TryGetValue(d.Key, out var t) ? t : d.DefaultTarget;
            bool? met = value is null || target is null ? null : d.Direction == "above" ? value >= target : value <= target;
            return new KpiView(d.Key, d.Label, d.Unit, d.Direction, value, target, met, trend);
        }).ToList();
    }

    private async Task<MonthFacts> MonthAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (fromMs, toMs) = (Ms(from), Ms(to));
        var feedback = (await store.FeedbackAsync(tenantId, fromMs, toMs, ct)).Select(EventJson.Deserialize).ToList();
        return new MonthFacts(
            feedback.Count(e => e.Kind == HelpdeskEventKind.ReviewCompleted || e.Rating == SatisfactionRating.Good),
            feedback.Count(e => e.Rating == SatisfactionRating.Bad),
            await store.ActiveAsync(tenantId, fromMs, toMs, ct),
            await store.RegisteredBeforeAsync(tenantId, toMs, ct),
            await store.IssuedAsync(tenantId, fromMs, toMs, ct),
            await store.RedeemedAsync(tenantId, fromMs, toMs, ct));
    }

    /// <summary>Growth from <paramref name="before"/> to <paramref name="after"/> in percent; null when there was nothing before.</summary>
    public static double? Growth(long before, long after) => before == 0 ? null : Math.Round(100.0 * (after - before) / before, 1);

    private static List<DateTimeOffset> PeriodStarts(DateTimeOffset now, int count, int monthsEach)
    {
        var month = now.UtcDateTime.Month;
        var current = new DateTimeOffset(now.UtcDateTime.Year, month - ((month - 1) % monthsEach), 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i => current.AddMonths(-monthsEach * (count - 2 - i))).ToList();
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static string Month(DateTimeOffset at) => at.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Quarter(DateTimeOffset at) => $"{at.Year}-Q{((at.Month - 1) / 3) + 1}";

    private sealed record MonthFacts(long Positive, long Complaints, long Active, long Registered, long Issued, long Redeemed);
}

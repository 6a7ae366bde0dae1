using System.Globalization;
using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.AgentHub.TeamLead.Stats;

/// <summary>
/// Turns ticket facts and ledger points into per-agent numbers. First-contact resolution counts a
/// solved ticket that was not reopened afterwards (the helpdesks do not tell us reply counts per
/// ticket reliably, reopening is the signal both send).
/// </summary>
public static class AgentStatsCalculator
{
    /// <summary>Per-agent stats; agents without any activity are listed with zeros.</summary>
    public static IReadOnlyList<AgentStats> Compute(IReadOnlyList<AgentRow> agents, IReadOnlyList<InboxFact> facts, IReadOnlyList<PointsRow> points, long toMs,
        IReadOnlyList<BadgeRow>? badges = null, IReadOnlyDictionary<string, string>? badgeNames = null)
    {
        var events = facts.Select(f => EventJson.Deserialize(f.EventJson)).ToList();
        var reopened = Reopenings(events);
        var names = agents.ToDictionary(a => a.AgentId, StringComparer.Ordinal);
        var ids = agents.Select(a => a.AgentId)
            .Concat(events.Where(e => e.AgentId is not null && e.OccurredAt.ToUnixTimeMilliseconds() < toMs).Select(e => e.AgentId!))
            .Concat(points.Select(p => p.AgentId))
            .Concat((badges ?? []).Select(b => b.AgentId))
            .Distinct(StringComparer.Ordinal);
        var byAgent = events.Where(e => e.AgentId is not null && e.OccurredAt.ToUnixTimeMilliseconds() < toMs)
            .ToLookup(e => e.AgentId!, StringComparer.Ordinal);
        var pointsByAgent = points.ToLookup(p => p.AgentId, StringComparer.Ordinal);
        var badgesByAgent = (badges ?? []).ToLookup(b => b.AgentId, StringComparer.Ordinal);
        return ids.Select(id =>
        {
            names.TryGetValue(id, out var row);
            var earned = badgesByAgent[id].OrderBy(b => b.EarnedAtMs).ThenBy(b => b.BadgeId, StringComparer.Ordinal)
                .Select(b => new EarnedBadge(b.BadgeId, badgeNames?.GetValueOrDefault(b.BadgeId) ?? b.BadgeId, string.IsNullOrEmpty(b.Tier) ? null : b.Tier,
                    DateTimeOffset.FromUnixTimeMilliseconds(b.EarnedAtMs)))
                .ToList();
            return Of(id, row?.DisplayName ?? "Agent " + id, row?.Team, byAgent[id].ToList(), pointsByAgent[id].ToList(), reopened, earned);
        }).OrderByDescending(s => s.Points).ThenBy(s => s.AgentId, StringComparer.Ordinal).ToList();
    }

    /// <summary>An agent's day-by-day trend from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static IReadOnlyList<AgentDay> Daily(string agentId, DateOnly from, DateOnly to, IReadOnlyList<InboxFact> facts, IReadOnlyList<PointsRow> points)
    {
        var events = facts.Select(f => EventJson.Deserialize(f.EventJson)).Where(e => e.AgentId == agentId).ToLookup(e => DateOnly.FromDateTime(e.OccurredAt.UtcDateTime));
        var pointsByDay = points.Where(p => p.AgentId == agentId).ToLookup(p => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(p.OccurredAtMs).UtcDateTime));
        var days = new List<AgentDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var today = events[day].ToList();
            var solved = today.Where(e => e.Kind == HelpdeskEventKind.TicketSolved).ToList();
            days.Add(new AgentDay(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), solved.Count, pointsByDay[day].Sum(p => p.Points),
                Csat(today).Percent, Minutes(Median(solved.Select(e => e.ResolutionSeconds)))));
        }
        return days;
    }

    private static AgentStats Of(string id, string name, string? team, List<HelpdeskEvent> events, List<PointsRow> points, Dictionary<string, List<DateTimeOffset>> reopened,
        IReadOnlyList<EarnedBadge> badges)
    {
        var solved = events.Where(e => e.Kind == HelpdeskEventKind.TicketSolved).ToList();
        var firstReply = events.Where(e => e.FirstReplySeconds is not null && e.TicketId is not null)
            .GroupBy(e => e.TicketId!).Select(g => g.Min(e => e.FirstReplySeconds)).ToList();
        var firstContact = solved.Count(e => e.TicketId is null
            || !reopened.TryGetValue(e.TicketId, out var at) || at.All(r => r <= e.OccurredAt));
        var (csat, ratings) = Csat(events);
        var byCategory = points.GroupBy(p => p.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Points), StringComparer.Ordinal);
        return new AgentStats(id, name, team, solved.Count,
            Minutes(Median(firstReply)), Minutes(Median(solved.Select(e => e.ResolutionSeconds))), csat, ratings,
            solved.Count == 0 ? null : Math.Round(100.0 * firstContact / solved.Count, 1),
            byCategory.Values.Sum(), byCategory, badges);
    }

    private static Dictionary<string, List<DateTimeOffset>> Reopenings(IEnumerable<HelpdeskEvent> events) =>
        events.Where(e => e.Kind == HelpdeskEventKind.TicketReopened && e.TicketId is not null)
            .GroupBy(e => e.TicketId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.OccurredAt).ToList(), StringComparer.Ordinal);

    private static (double? Percent, int Count) Csat(IEnumerable<HelpdeskEvent> events)
    {
        var rated = events.Where(e => e.Kind == HelpdeskEventKind.SatisfactionRated && e.Rating is SatisfactionRating.Good or SatisfactionRating.Bad).ToList();
        return rated.Count == 0 ? (null, 0) : (Math.Round(100.0 * rated.Count(e => e.Rating == SatisfactionRating.Good) / rated.Count, 1), rated.Count);
    }

    /// <summary>The median of the known values, or null when none is known.</summary>
    public static double? Median(IEnumerable<long?> values)
    {
        var sorted = values.Where(v => v is not null).Select(v => (double)v!.Value).Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double? Minutes(double? seconds) => seconds is null ? null : Math.Round(seconds.Value / 60, 1);
}

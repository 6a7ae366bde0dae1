using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;

namespace HelpdeskGamify.Connector.Scoring.Backtest;

/// <summary>
/// The scoring rules applied to a whole event history in memory: the same <see cref="TicketPolicy"/> and
/// <see cref="RuleEvaluator"/> the worker runs, without a database. Used to back-test a candidate rule set.
/// </summary>
public static class ScoreModel
{
    /// <summary>Final settled and pending points per person after <paramref name="events"/> (in inbox order) under <paramref name="rules"/>.</summary>
    public static IReadOnlyDictionary<(string Kind, string Id), (long Points, long Pending)> Totals(
        IEnumerable<HelpdeskEvent> events, RuleSet rules, DateTimeOffset now)
    {
        var totals = new Dictionary<(string, string), (long Points, long Pending)>();
        void Add(string kind, string id, long points, long pending)
        {
            var t = totals.GetValueOrDefault((kind, id));
            totals[(kind, id)] = (t.Points + points, t.Pending + pending);
        }
        var tickets = new Dictionary<string, List<TicketFact>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var usage = new Dictionary<(string, string, string, string), int>();
        foreach (var e in events)
        {
            var key = NaturalKey.For(e);
            if (e.TicketId is { } ticket)
            {
                (tickets.TryGetValue(ticket, out var list) ? list : tickets[ticket] = []).Add(new TicketFact(key, e));
                continue;
            }
            if (!seen.Add(key))
            {
                continue;
            }
            foreach (var a in RuleEvaluator.Evaluate(e, rules))
            {
                var points = a.Points;
                if (rules.Rules.FirstOrDefault(r => r.Id == a.RuleId)?.DailyCap is { } cap && points > 0)
                {
                    var slot = (a.ParticipantKind, a.ParticipantId, a.RuleId, LeaderboardPeriods.KeyOf("day", e.OccurredAt));
                    points = Math.Clamp(cap - usage.GetValueOrDefault(slot), 0, points);
                    usage[slot] = usage.GetValueOrDefault(slot) + points;
                }
                Add(a.ParticipantKind, a.ParticipantId, points, 0);
            }
        }
        foreach (var (ticket, facts) in tickets)
        {
            foreach (var h in TicketPolicy.Compute(ticket, facts, rules, now).Holdings)
            {
                Add(h.ParticipantKind, h.ParticipantId, h.Balance, h.Pending);
            }
        }
        return totals;
    }
}

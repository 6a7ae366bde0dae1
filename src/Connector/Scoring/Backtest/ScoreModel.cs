using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Ledger;
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
        var holdings = new List<(string Kind, string Id, string RuleId, DayClaim Claim)>();
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
            holdings.AddRange(RuleEvaluator.Evaluate(e, rules).Select(a =>
                (a.ParticipantKind, a.ParticipantId, a.RuleId, new DayClaim(key, null, a.Category, a.Reason, e.OccurredAt.ToUnixTimeMilliseconds(), a.Points, 0, 0, 0))));
        }
        foreach (var (ticket, facts) in tickets)
        {
            holdings.AddRange(TicketPolicy.Compute(ticket, facts, rules, now).Holdings.Select(h =>
                (h.ParticipantKind, h.ParticipantId, h.RuleId, new DayClaim(h.AwardKey, ticket, h.Category, h.Reason, h.OccurredAtMs, h.Balance, h.Pending, 0, 0))));
        }
        // Daily caps are shared out per person, rule and day exactly as the worker does (DailyCaps.Share).
        foreach (var day in holdings.GroupBy(h => (h.Kind, h.Id, h.RuleId, LeaderboardPeriods.KeyOf("day", DateTimeOffset.FromUnixTimeMilliseconds(h.Claim.OccurredAtMs)))))
        {
            var cap = rules.Rules.FirstOrDefault(r => r.Id == day.Key.RuleId)?.DailyCap;
            foreach (var (_, share) in DailyCaps.Share(day.Select(h => h.Claim), cap))
            {
                Add(day.Key.Kind, day.Key.Id, share.Balance, share.Pending);
            }
        }
        return totals;
    }
}

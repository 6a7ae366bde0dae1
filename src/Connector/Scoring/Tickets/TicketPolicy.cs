using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.Connector.Scoring.Tickets;

/// <summary>
/// What everyone should hold for one ticket, computed from the whole set of its facts rather than
/// from the order they arrived in, so that a rating before the solve, a duplicate or a delivery a day
/// late all converge to the same ledger. Pure: facts, rules and the clock in, holdings out.
/// </summary>
/// <remarks>
/// Only the first solve (by when it happened) earns solve points, so solve → reopen → solve loops
/// earn nothing extra. Those points stay pending until a rating or the quiet window; a reopen inside
/// the window takes them back, an unhappy rating inside it turns them into the bad-rating penalty.
/// </remarks>
public static class TicketPolicy
{
    /// <summary>The holdings of a ticket and when its pending points are next due to settle.</summary>
    public static TicketState Compute(string ticketId, IReadOnlyCollection<TicketFact> facts, RuleSet rules, DateTimeOffset now)
    {
        // Two deliveries with one natural key are one fact; if their bodies ever differ, pick one by content, not by arrival.
        var ordered = facts.OrderBy(f => f.NaturalKey, StringComparer.Ordinal).ThenBy(f => EventJson.Serialize(f.Event), StringComparer.Ordinal)
            .DistinctBy(f => f.NaturalKey)
            .OrderBy(f => f.Event.OccurredAt).ThenBy(f => f.NaturalKey, StringComparer.Ordinal).ToList();
        var holdings = new List<Holding>();
        DateTimeOffset? settleDue = null;

        var solves = ordered.Where(f => f.Event.Kind == HelpdeskEventKind.TicketSolved).ToList();
        var reopens = ordered.Where(f => f.Event.Kind == HelpdeskEventKind.TicketReopened).ToList();
        var ratings = ordered.Where(f => f.Event.Kind == HelpdeskEventKind.SatisfactionRated).ToList();
        foreach (var fact in ordered.Where(f => f.Event.Kind is not (HelpdeskEventKind.TicketSolved or HelpdeskEventKind.SatisfactionRated)))
        {
            holdings.AddRange(RuleEvaluator.Evaluate(fact.Event, rules)
                .Select(a => Settled(a, fact.NaturalKey, fact.Event, note: null)));
        }
        if (solves.Count > 0)
        {
            var solve = solves[0];
            var window = TimeSpan.FromHours(rules.Pending.WindowHours);
            var windowEnd = solve.Event.OccurredAt + window;
            // A zero window means no holding back at all: solve points settle at once and nothing takes them back.
            var holdBack = rules.Pending.WindowHours > 0;
            var reopen = holdBack ? reopens.FirstOrDefault(r => r.Event.OccurredAt >= solve.Event.OccurredAt && r.Event.OccurredAt <= windowEnd) : null;
            var rating = holdBack ? ratings.LastOrDefault(r => r.Event.OccurredAt <= windowEnd) : null;
            var pendingNote = $"pending until a rating or {windowEnd:yyyy-MM-dd HH:mm} UTC";
            foreach (var a in RuleEvaluator.Evaluate(solve.Event, rules))
            {
                var key = ticketId + "#solve";
                var h = Settled(a, key, solve.Event, note: null);
                holdings.Add(reopen is not null ? h with { Balance = 0, Note = $"taken back: ticket reopened within {rules.Pending.WindowHours}h" }
                    : rating?.Event.Rating == SatisfactionRating.Bad ? h with { Balance = 0, Note = "taken back: unhappy rating" }
                    : rating is not null ? h with { Note = "released: customer rated " + rating.Event.Rating.ToString().ToLowerInvariant() }
                    : !holdBack ? h
                    : now >= windowEnd ? h with { Note = $"released: no reopen within {rules.Pending.WindowHours}h" }
                    : h with { Balance = 0, Pending = a.Points, Note = pendingNote });
                if (holdBack && reopen is null && rating is null && now < windowEnd)
                {
                    settleDue = windowEnd;
                }
            }
        }
        if (ratings.Count > 0)
        {
            // Customers may change their rating: the latest one counts, credited to the solver when the rating names nobody.
            var latest = ratings[^1].Event;
            var agentSource = solves.Count > 0 ? solves[0].Event : ordered.LastOrDefault(f => f.Event.AgentId is not null)?.Event;
            var rated = latest.AgentId is null && agentSource is not null
                ? latest with { AgentId = agentSource.AgentId, AgentName = agentSource.AgentName, Group = latest.Group ?? agentSource.Group }
                : latest;
            holdings.AddRange(RuleEvaluator.Evaluate(rated, rules).Select(a => Settled(a, ticketId + "#rating", rated, note: null)));
        }
        var loop = solves.Count > 1 && reopens.Count > 0;
        return new TicketState(Cap(holdings, rules.Limits.MaxPointsPerTicket), settleDue, loop);
    }

    private static Holding Settled(Award a, string awardKey, HelpdeskEvent e, string? note) =>
        new(a.ParticipantKind, a.ParticipantId, a.DisplayName, a.Team, a.RuleId, awardKey, a.Category, a.Reason,
            a.Points, 0, e.OccurredAt.ToUnixTimeMilliseconds(), note, e.TicketId);

    // Positive points per person per ticket stop at the cap, in fact order, so one ticket cannot be farmed.
    private static List<Holding> Cap(List<Holding> holdings, int cap)
    {
        if (cap <= 0)
        {
            return holdings;
        }
        var used = new Dictionary<(string, string), long>();
        var capped = new List<Holding>(holdings.Count);
        foreach (var h in holdings)
        {
            var amount = h.Balance + h.Pending;
            if (amount <= 0)
            {
                capped.Add(h);
                continue;
            }
            var person = (h.ParticipantKind, h.ParticipantId);
            var room = Math.Max(0, cap - used.GetValueOrDefault(person));
            var allowed = Math.Min(room, amount);
            used[person] = used.GetValueOrDefault(person) + allowed;
            capped.Add(allowed == amount ? h : h with
            {
                Balance = h.Balance > 0 ? allowed : 0,
                Pending = h.Pending > 0 ? allowed : 0,
                Note = $"capped at {cap} points per ticket",
            });
        }
        return capped;
    }
}

/// <summary>A ticket's holdings, when its pending points settle, and whether it looks like a solve/reopen loop.</summary>
public sealed record TicketState(IReadOnlyList<Holding> Holdings, DateTimeOffset? SettleDue, bool ReopenLoop);

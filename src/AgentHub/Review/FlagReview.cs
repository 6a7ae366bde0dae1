using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>
/// Joins the engine's flags with the awards they concern, on the server, and decides a flag as a whole:
/// the flag closes and every undecided award it covers gets the same decision in the audit trail. A
/// contest is an input of the engine's recompute of the flagged tickets, which holds every contested award at zero
/// from then on (pending points are cancelled, settled ones taken back once, later releases pay nothing).
/// </summary>
public sealed class FlagReview(FlagReviewStore flags, ReviewStore reviews, TicketRescore rescore, RuleBook rules, TimeProvider clock)
{
    private const string TicketSubject = "ticket:";
    private const string RequesterSubject = "customer:";

    /// <summary>Every open flag of the tenant with its tickets and awards, oldest first.</summary>
    public async Task<IReadOnlyList<FlagQueueItem>> QueueAsync(string tenantId, CancellationToken ct)
    {
        var items = new List<FlagQueueItem>();
        foreach (var flag in await flags.OpenFlagsAsync(tenantId, ct))
        {
            items.Add(await ItemAsync(tenantId, flag, ct));
        }
        return items;
    }

    private async Task<FlagQueueItem> ItemAsync(string tenantId, FlagRow flag, CancellationToken ct)
    {
        var tickets = await TicketsOfAsync(tenantId, flag, ct);
        var awards = await flags.TicketAwardsAsync(tenantId, tickets, ct);
        // A ticket's flag is about the agent it names; a requester's about every agent who worked those tickets.
        if (flag.Subject.StartsWith(TicketSubject, StringComparison.Ordinal) && flag.ParticipantId.Length > 0)
        {
            awards = awards.Where(a => a.AgentId == flag.ParticipantId).ToList();
        }
        return new FlagQueueItem(flag.Id, flag.Kind, flag.Subject, flag.ParticipantId, flag.Detail, flag.Status, flag.CreatedAtMs, tickets, awards);
    }

    private async Task<IReadOnlyList<string>> TicketsOfAsync(string tenantId, FlagRow flag, CancellationToken ct)
    {
        if (flag.Subject.StartsWith(TicketSubject, StringComparison.Ordinal))
        {
            return [flag.Subject[TicketSubject.Length..]];
        }
        var colon = flag.Subject.LastIndexOf(':');
        if (!flag.Subject.StartsWith(RequesterSubject, StringComparison.Ordinal) || colon <= RequesterSubject.Length
            || !long.TryParse(flag.Subject[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var bucket))
        {
            return [];
        }
        // The engine names a splitting window by bucket (creation time / window length); the tickets it counted were
        // opened up to one window before a ticket of that bucket. Uses today's window length from the tenant's rules.
        var windowMs = Math.Max(1, (await rules.ForAsync(tenantId, ct)).Limits.SplitWindowMinutes) * 60_000L;
        return await flags.RequesterTicketsAsync(tenantId, flag.Subject[RequesterSubject.Length..colon], (bucket - 1) * windowMs, (bucket + 1) * windowMs, ct);
    }

    /// <summary>Approves or contests a flag; null with <c>found</c> false for no such flag, null with true when it is decided already.</summary>
    public async Task<(FlagDecisionResult? Result, bool Found)> DecideAsync(string tenantId, long flagId, bool contest, string? note, string author, CancellationToken ct)
    {
        var flag = await flags.FindFlagAsync(tenantId, flagId, ct);
        if (flag is null)
        {
            return (null, false);
        }
        var item = await ItemAsync(tenantId, flag, ct);
        var decision = contest ? "contested" : "approved";
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (!await flags.CloseAsync(new FlagDecision { TenantId = tenantId, FlagId = flagId, Decision = decision, Note = note, Author = author, NowMs = nowMs }, ct))
        {
            return (null, true);
        }
        var undecided = item.Awards.Where(a => a.Decision is null).ToList();
        var decisions = undecided.Select(a => new ReviewDecision
        {
            TenantId = tenantId, LedgerId = a.LedgerId, Decision = decision, Note = note, Author = author, FlagId = flagId, NowMs = nowMs,
        }).ToList();
        if (!contest)
        {
            foreach (var d in decisions)
            {
                await reviews.RecordDecisionAsync(d, ct);
            }
            return (new FlagDecisionResult(flagId, decision, decisions.Select(d => d.LedgerId).ToList(), 0, []), true);
        }
        var adjustments = new List<long>();
        long reversed = 0;
        await rescore.RunAsync(tenantId, undecided.Select(a => a.TicketId).OfType<string>().ToList(), async (c, tx) =>
        {
            foreach (var d in decisions)
            {
                await ReviewStore.RecordDecisionAsync(c, tx, d, ct);
            }
        }, async (c, tx, batch) =>
        {
            // Each agent's contested awards on a ticket are taken back by the entries the recompute wrote for them.
            foreach (var held in undecided.Where(a => a.TicketId is not null).GroupBy(a => (a.AgentId, a.TicketId)))
            {
                var written = batch.Awards.Where(w => w.ParticipantId == held.Key.AgentId && w.TicketId == held.Key.TicketId
                    && w.Reason.StartsWith("Contested: ", StringComparison.Ordinal)).ToList();
                reversed -= written.Sum(w => (long)w.Points);
                adjustments.AddRange(written.Select(w => w.LedgerId));
                if (written.Count > 0)
                {
                    foreach (var a in held)
                    {
                        await ReviewStore.LinkEntryAsync(c, tx, tenantId, a.LedgerId, written[^1].LedgerId, ct);
                    }
                }
            }
        }, ct);
        return (new FlagDecisionResult(flagId, decision, decisions.Select(d => d.LedgerId).ToList(), reversed, adjustments), true);
    }
}

using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>
/// Joins the engine's flags with the awards they concern, on the server, and decides a flag as a whole:
/// the flag closes and every undecided award it covers gets the same decision in the audit trail. A
/// contest takes back what the flagged tickets still pay each agent, with one adjustment per agent and ticket.
/// </summary>
public sealed class FlagReview(FlagReviewStore flags, ReviewStore reviews, LedgerAdjuster adjuster, RuleBook rules, TimeProvider clock)
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
        var decided = new List<long>();
        var adjustments = new List<long>();
        long reversed = 0;
        foreach (var held in item.Awards.Where(a => a.Decision is null).GroupBy(a => (a.AgentId, a.TicketId)))
        {
            long? adjustmentId = null;
            // Net of what the ticket paid: a pending entry pays nothing yet, a clawback already took some back.
            var net = held.Sum(a => a.Points);
            if (contest && net > 0)
            {
                var first = held.First();
                var award = await adjuster.AdjustAsync(new Adjustment(tenantId, first.AgentId, (int)-net, first.Category,
                    $"Contested ({flag.Kind}): ticket #{first.TicketId}{(note is null ? "" : $" ({(note.Length > 150 ? note[..150] : note)})")}", first.TicketId, "review.contest"), ct);
                if (award is not null)
                {
                    adjustmentId = award.LedgerId;
                    adjustments.Add(award.LedgerId);
                    reversed += net;
                }
            }
            foreach (var a in held)
            {
                await reviews.RecordDecisionAsync(new ReviewDecision
                {
                    TenantId = tenantId, LedgerId = a.LedgerId, Decision = decision, Note = note, Author = author,
                    AdjustmentLedgerId = adjustmentId, FlagId = flagId, NowMs = nowMs,
                }, ct);
                decided.Add(a.LedgerId);
            }
        }
        return (new FlagDecisionResult(flagId, decision, decided, reversed, adjustments), true);
    }
}

namespace HelpdeskGamify.Connector.Scoring.Tickets;

/// <summary>Turns "what should be held" and "what is held" into the entries that close the gap. Pure.</summary>
public static class LedgerDiff
{
    /// <summary>The entries that bring <paramref name="held"/> to <paramref name="desired"/>.</summary>
    public static IReadOnlyList<LedgerDelta> Between(IReadOnlyList<Holding> desired, IReadOnlyList<HeldAmount> held)
    {
        var heldByKey = held.ToDictionary(Key);
        var deltas = new List<LedgerDelta>();
        foreach (var d in desired)
        {
            heldByKey.Remove(Key(d), out var h);
            var points = d.Balance - (h?.Balance ?? 0);
            var pending = d.Pending - (h?.Pending ?? 0);
            if (points == 0 && pending == 0)
            {
                continue;
            }
            var kind = KindOf(points, pending, penaltyRule: d.Balance < 0 || (h?.Balance ?? 0) < 0);
            var reason = d.Note is null ? d.Reason : $"{d.Reason} ({d.Note})";
            deltas.Add(new LedgerDelta(d.ParticipantKind, d.ParticipantId, d.DisplayName, d.Team, d.RuleId, d.AwardKey, d.Category,
                reason, kind, checked((int)points), checked((int)pending), d.OccurredAtMs, d.TicketId));
        }
        var moved = desired.Select(d => (d.ParticipantKind, d.ParticipantId, d.RuleId, d.AwardKey)).ToHashSet();
        foreach (var h in heldByKey.Values.Where(h => h.Balance != 0 || h.Pending != 0).OrderBy(h => Key(h), KeyComparer))
        {
            // Held but no longer earned: the rule changed, it no longer matches the ticket's facts, or an earlier fact moved it.
            deltas.Add(new LedgerDelta(h.ParticipantKind, h.ParticipantId, null, null, h.RuleId, h.AwardKey, h.Category,
                moved.Contains((h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey))
                    ? $"Rule '{h.RuleId}': moved to when it was earned (an earlier fact of this ticket arrived)"
                    : $"Rule '{h.RuleId}': taken back (no longer earned from this ticket's facts under the current rules)", h.Balance < 0 ? EntryKinds.Adjustment : EntryKinds.Clawback,
                checked((int)-h.Balance), checked((int)-h.Pending), h.OccurredAtMs, null));
        }
        return deltas;
    }

    /// <summary>The entry kind of a change of settled and pending points; <paramref name="penaltyRule"/> when the holding is a penalty.</summary>
    public static string KindOf(long points, long pending, bool penaltyRule) => (points, pending) switch
    {
        (0, > 0) => EntryKinds.Pending,
        (> 0, < 0) => EntryKinds.Release,
        (<= 0, < 0) => EntryKinds.Clawback,
        (< 0, 0) => penaltyRule ? EntryKinds.Penalty : EntryKinds.Clawback,
        (> 0, 0) => penaltyRule ? EntryKinds.Adjustment : EntryKinds.Award,
        _ => EntryKinds.Adjustment,
    };

    // The time of the fact is part of a holding's identity: when the first solve turns out to be an earlier one, the points
    // move (taken back where they were, given where they belong), so period boards and windows follow the facts.
    private static (string, string, string, string, long) Key(Holding h) => (h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey, h.OccurredAtMs);

    private static (string, string, string, string, long) Key(HeldAmount h) => (h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey, h.OccurredAtMs);

    private static readonly Comparer<(string, string, string, string, long)> KeyComparer = Comparer<(string, string, string, string, long)>.Create(
        (a, b) => string.CompareOrdinal($"{a.Item1}\n{a.Item2}\n{a.Item3}\n{a.Item4}\n{a.Item5:D20}", $"{b.Item1}\n{b.Item2}\n{b.Item3}\n{b.Item4}\n{b.Item5:D20}"));
}

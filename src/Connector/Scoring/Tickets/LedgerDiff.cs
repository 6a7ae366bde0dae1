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
        foreach (var h in heldByKey.Values.Where(h => h.Balance != 0 || h.Pending != 0).OrderBy(h => Key(h), KeyComparer))
        {
            // Held but no longer earned: the rule changed or no longer matches the ticket's facts.
            deltas.Add(new LedgerDelta(h.ParticipantKind, h.ParticipantId, null, null, h.RuleId, h.AwardKey, h.Category,
                $"Rule '{h.RuleId}': taken back (no longer earned from this ticket's facts under the current rules)", h.Balance < 0 ? EntryKinds.Adjustment : EntryKinds.Clawback,
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

    private static (string, string, string, string) Key(Holding h) => (h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey);

    private static (string, string, string, string) Key(HeldAmount h) => (h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey);

    private static readonly Comparer<(string, string, string, string)> KeyComparer = Comparer<(string, string, string, string)>.Create(
        (a, b) => string.CompareOrdinal($"{a.Item1}\n{a.Item2}\n{a.Item3}\n{a.Item4}", $"{b.Item1}\n{b.Item2}\n{b.Item3}\n{b.Item4}"));
}

namespace HelpdeskGamify.Connector.Scoring.Tickets;

/// <summary>
/// A team lead's contest as an input of the ticket recompute: the contested (person, rule, award key) is held at
/// zero whatever the facts say, so the recompute itself takes back settled points or cancels pending ones, and a
/// later release, reopen or rating recompute neither pays it again nor takes it back a second time. Pure.
/// </summary>
public static class Contests
{
    /// <summary>The note a contested holding carries; the ledger entry's reason names the contest.</summary>
    public const string Note = "contested in a team lead's review";

    /// <summary><paramref name="holdings"/> with every contested one held at zero.</summary>
    public static IReadOnlyList<Holding> Hold(IReadOnlyList<Holding> holdings, IReadOnlySet<(string Kind, string Id, string RuleId, string AwardKey)> contested) =>
        contested.Count == 0
            ? holdings
            : holdings.Select(h => contested.Contains((h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey))
                ? h with { Reason = "Contested: " + h.Reason, Balance = 0, Pending = 0, Note = Note }
                : h).ToList();
}

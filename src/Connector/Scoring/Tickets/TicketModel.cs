using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Scoring.Tickets;

/// <summary>One fact known about a ticket, identified by its natural key (so a resent fact is the same fact).</summary>
public sealed record TicketFact(string NaturalKey, HelpdeskEvent Event);

/// <summary>
/// What a person should hold from one rule for one ticket, given every fact known so far:
/// settled <see cref="Balance"/> and <see cref="Pending"/> points, and the <see cref="Note"/> that explains the state.
/// </summary>
public sealed record Holding(
    string ParticipantKind,
    string ParticipantId,
    string? DisplayName,
    string? Team,
    string RuleId,
    string AwardKey,
    string Category,
    string Reason,
    long Balance,
    long Pending,
    long OccurredAtMs,
    string? Note,
    string? TicketId);

/// <summary>What the ledger holds today for one person, rule and award key (sums of its entries).</summary>
public sealed record HeldAmount(
    string ParticipantKind,
    string ParticipantId,
    string RuleId,
    string AwardKey,
    string Category,
    long Balance,
    long Pending,
    long OccurredAtMs);

/// <summary>One ledger entry to append: the difference between what is held and what should be.</summary>
public sealed record LedgerDelta(
    string ParticipantKind,
    string ParticipantId,
    string? DisplayName,
    string? Team,
    string RuleId,
    string AwardKey,
    string Category,
    string Reason,
    string EntryKind,
    int Points,
    int PendingPoints,
    long OccurredAtMs,
    string? TicketId)
{
    /// <summary>
    /// The team to credit when <see cref="Team"/> (the group of the fact, which also moves the agent) is null: a team quest's
    /// team, or the team a holding was already credited to. It never moves the agent between teams.
    /// </summary>
    public string? CreditTeam { get; init; }
}

/// <summary>The ledger entry kinds.</summary>
public static class EntryKinds
{
    /// <summary>Settled points given at once.</summary>
    public const string Award = "award";
    /// <summary>Points held until a rating or a quiet window.</summary>
    public const string Pending = "pending";
    /// <summary>Pending points that became settled.</summary>
    public const string Release = "release";
    /// <summary>Points taken back (reopen, bad rating, cap, rule change).</summary>
    public const string Clawback = "clawback";
    /// <summary>Negative points from a penalty rule.</summary>
    public const string Penalty = "penalty";
    /// <summary>A correction that fits none of the above.</summary>
    public const string Adjustment = "adjustment";
    /// <summary>Points spent on a reward.</summary>
    public const string Redemption = "redemption";
    /// <summary>Points that expired after inactivity.</summary>
    public const string Expiry = "expiry";

    /// <summary>Whether the kind spends points rather than earns or loses them (not counted for levels or boards).</summary>
    public static bool IsSpending(string kind) => kind is Redemption or Expiry;
}

namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>
/// The server-to-client methods of <c>/hubs/game</c>. The names are the contract's camelCase
/// names on purpose: a typed hub sends the C# method name as-is, and .NET clients match it
/// case-sensitively.
/// </summary>
#pragma warning disable IDE1006 // Naming: the wire names are camelCase by contract.
public interface IGameClient
{
    /// <summary>Points were written to the ledger for this person.</summary>
    Task pointsAwarded(PointsAwardedMessage message);

    /// <summary>A board of the tenant moved.</summary>
    Task leaderboardChanged(LeaderboardChangedMessage message);

    /// <summary>A badge was earned.</summary>
    Task badgeEarned(object message);

    /// <summary>A level or tier changed.</summary>
    Task levelChanged(object message);

    /// <summary>A quest moved forward.</summary>
    Task questProgress(object message);

    /// <summary>A reward was redeemed.</summary>
    Task rewardRedeemed(object message);
}
#pragma warning restore IDE1006

/// <summary>The <c>pointsAwarded</c> payload.</summary>
public sealed record PointsAwardedMessage(
    string ParticipantId,
    string Kind,
    long LedgerId,
    int Points,
    string Category,
    string Reason,
    string? TicketId,
    long Total,
    long Pending);

/// <summary>The <c>leaderboardChanged</c> payload: which board moved, for which periods.</summary>
public sealed record LeaderboardChangedMessage(string Board, IReadOnlyList<string> Periods);

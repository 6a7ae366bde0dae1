namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>The server-to-client methods of <c>/hubs/game</c> (names are part of the contract).</summary>
public interface IGameClient
{
    /// <summary>Points were written to the ledger for this person.</summary>
    Task PointsAwarded(PointsAwardedMessage message);

    /// <summary>A board of the tenant moved.</summary>
    Task LeaderboardChanged(LeaderboardChangedMessage message);

    /// <summary>A badge was earned.</summary>
    Task BadgeEarned(object message);

    /// <summary>A level or tier changed.</summary>
    Task LevelChanged(object message);

    /// <summary>A quest moved forward.</summary>
    Task QuestProgress(object message);

    /// <summary>A reward was redeemed.</summary>
    Task RewardRedeemed(object message);
}

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

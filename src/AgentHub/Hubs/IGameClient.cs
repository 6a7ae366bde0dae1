using HelpdeskGamify.Connector.Scoring.Levels;

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
    Task badgeEarned(BadgeEarnedMessage message);

    /// <summary>A level or tier changed.</summary>
    Task levelChanged(LevelChangedMessage message);

    /// <summary>A quest moved forward.</summary>
    Task questProgress(QuestProgressMessage message);

    /// <summary>A reward was redeemed.</summary>
    Task rewardRedeemed(RewardRedeemedMessage message);
}
#pragma warning restore IDE1006

/// <summary>
/// The <c>pointsAwarded</c> payload: <see cref="Points"/> changes the settled balance, <see cref="PendingPoints"/>
/// the pending points; <see cref="Total"/> and <see cref="Pending"/> are the person's figures after it.
/// </summary>
public sealed record PointsAwardedMessage(
    string ParticipantId,
    string Kind,
    long LedgerId,
    int Points,
    string Category,
    string Reason,
    string? TicketId,
    long Total,
    long Pending,
    string EntryKind,
    int PendingPoints);

/// <summary>The <c>leaderboardChanged</c> payload: which board moved, for which periods.</summary>
public sealed record LeaderboardChangedMessage(string Board, IReadOnlyList<string> Periods);

/// <summary>The <c>badgeEarned</c> payload.</summary>
public sealed record BadgeEarnedMessage(string ParticipantId, string Kind, BadgeMessage Badge);

/// <summary>A badge tier.</summary>
public sealed record BadgeMessage(string Id, string Name, string Description, string Tier);

/// <summary>The <c>levelChanged</c> payload; <see cref="Direction"/> is up or down.</summary>
public sealed record LevelChangedMessage(string ParticipantId, string Kind, LevelStanding Level, string Direction);

/// <summary>The <c>questProgress</c> payload.</summary>
public sealed record QuestProgressMessage(string ParticipantId, Connector.Participants.QuestView Quest);

/// <summary>The <c>rewardRedeemed</c> payload: the redemption as <c>POST redemptions</c> returned it.</summary>
public sealed record RewardRedeemedMessage(string ParticipantId, Api.RedemptionView Redemption);

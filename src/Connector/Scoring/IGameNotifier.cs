using HelpdeskGamify.Connector.Scoring.Levels;
using HelpdeskGamify.Connector.Scoring.Quests;

namespace HelpdeskGamify.Connector.Scoring;

/// <summary>
/// Where committed scoring results go to be seen. The host implements it (SignalR); the connector
/// only calls it after the transaction that wrote the ledger has committed.
/// </summary>
public interface IGameNotifier
{
    /// <summary>Publishes what one committed batch changed.</summary>
    Task PublishAsync(ScoringOutcome outcome, CancellationToken ct);
}

/// <summary>What one committed scoring batch (or one redemption or kudos) changed.</summary>
public sealed record ScoringOutcome(IReadOnlyList<PointsAwarded> Awards, IReadOnlyList<BoardChanged> Boards)
{
    /// <summary>Nothing changed.</summary>
    public static readonly ScoringOutcome Empty = new([], []);

    /// <summary>Badge tiers earned.</summary>
    public IReadOnlyList<BadgeEarned> Badges { get; init; } = [];

    /// <summary>Levels or tiers that moved.</summary>
    public IReadOnlyList<LevelChanged> Levels { get; init; } = [];

    /// <summary>Quests that moved forward.</summary>
    public IReadOnlyList<QuestProgressed> Quests { get; init; } = [];

    /// <summary>Rewards redeemed.</summary>
    public IReadOnlyList<RewardRedeemed> Redemptions { get; init; } = [];

    /// <summary>Seasons whose trophies were decided.</summary>
    public IReadOnlyList<SeasonEnded> SeasonsEnded { get; init; } = [];

    /// <summary>Whether there is nothing to publish.</summary>
    public bool IsEmpty => Awards.Count == 0 && Boards.Count == 0 && Badges.Count == 0 && Levels.Count == 0 && Quests.Count == 0 && Redemptions.Count == 0;
}

/// <summary>A ledger entry as the person it belongs to sees it arrive.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="ParticipantKind">agent or customer.</param>
/// <param name="ParticipantId">The helpdesk id.</param>
/// <param name="LedgerId">The entry id.</param>
/// <param name="Points">Change to the settled balance.</param>
/// <param name="Category">Category.</param>
/// <param name="Reason">Why.</param>
/// <param name="TicketId">The ticket, when any.</param>
/// <param name="Total">The settled balance after the entry.</param>
/// <param name="Pending">The pending points after the entry.</param>
public sealed record PointsAwarded(
    string TenantId,
    string ParticipantKind,
    string ParticipantId,
    long LedgerId,
    int Points,
    string Category,
    string Reason,
    string? TicketId,
    long Total,
    long Pending)
{
    /// <summary>award, pending, release, clawback, penalty, adjustment, redemption, expiry.</summary>
    public string EntryKind { get; init; } = "award";

    /// <summary>Change to the pending points.</summary>
    public int PendingPoints { get; init; }
}

/// <summary>A board of a tenant whose totals moved.</summary>
public sealed record BoardChanged(string TenantId, string Board, IReadOnlyList<string> Periods);

/// <summary>A badge tier someone earned.</summary>
public sealed record BadgeEarned(string TenantId, string ParticipantKind, string ParticipantId, string BadgeId, string Name, string Description, string Tier);

/// <summary>Someone's level or tier moved.</summary>
public sealed record LevelChanged(string TenantId, string ParticipantKind, string ParticipantId, LevelStanding Level, string Direction);

/// <summary>A quest moved forward for someone.</summary>
public sealed record QuestProgressed(string TenantId, string ParticipantKind, string ParticipantId, QuestStatus Quest);

/// <summary>A season whose trophies were decided, with the winners.</summary>
public sealed record SeasonEnded(string TenantId, string Season, IReadOnlyList<SeasonTrophyWinner> Trophies);

/// <summary>The winner of one season trophy (overall, quality, speed, first-contact).</summary>
public sealed record SeasonTrophyWinner(string Trophy, string ParticipantId, long Points);

/// <summary>A reward redeemed by a customer.</summary>
public sealed record RewardRedeemed(string TenantId, string ParticipantId, long RedemptionId, string RewardId, string RewardName, string Code, int Points, long Balance);

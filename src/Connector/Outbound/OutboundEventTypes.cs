namespace HelpdeskGamify.Connector.Outbound;

/// <summary>The event types a subscription can ask for.</summary>
public static class OutboundEventTypes
{
    /// <summary>Positive points were written to someone's ledger.</summary>
    public const string PointsAwarded = "points.awarded";

    /// <summary>Points were taken back (a negative ledger entry: reopened ticket, bad rating).</summary>
    public const string PointsClawedBack = "points.clawed_back";

    /// <summary>A badge was earned.</summary>
    public const string BadgeEarned = "badge.earned";

    /// <summary>A participant's level changed.</summary>
    public const string LevelChanged = "level.changed";

    /// <summary>A quest was completed.</summary>
    public const string QuestCompleted = "quest.completed";

    /// <summary>A customer redeemed a reward.</summary>
    public const string RewardRedeemed = "reward.redeemed";

    /// <summary>A season closed.</summary>
    public const string SeasonEnded = "season.ended";

    /// <summary>Every type, for validating subscriptions (<c>*</c> subscribes to all).</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PointsAwarded, PointsClawedBack, BadgeEarned, LevelChanged, QuestCompleted, RewardRedeemed, SeasonEnded,
    };
}

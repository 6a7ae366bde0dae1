using HelpdeskGamify.Connector.Leaderboards;

namespace HelpdeskGamify.Connector.Scoring;

/// <summary>
/// What one transaction changes, collected while it runs and acted on only after it commits:
/// new totals for the in-memory boards and the notifications to push.
/// </summary>
public sealed class ScoringBatch
{
    /// <summary>Ledger entries written.</summary>
    public List<PointsAwarded> Awards { get; } = [];

    /// <summary>Absolute board totals after the entries.</summary>
    public List<TotalChange> Totals { get; } = [];

    /// <summary>Badges earned.</summary>
    public List<BadgeEarned> Badges { get; } = [];

    /// <summary>Levels moved.</summary>
    public List<LevelChanged> Levels { get; } = [];

    /// <summary>Quests moved.</summary>
    public List<QuestProgressed> Quests { get; } = [];

    /// <summary>Rewards redeemed.</summary>
    public List<RewardRedeemed> Redemptions { get; } = [];

    /// <summary>People whose ledger changed, for the progress pass.</summary>
    public HashSet<TouchedParticipant> Touched { get; } = [];

    /// <summary>Activity units the batch changed, for the incremental progress pass.</summary>
    public List<Progress.ActivityChange> ActivityChanges { get; } = [];

    /// <summary>Seasons whose trophies were decided.</summary>
    public List<SeasonEnded> SeasonsEnded { get; } = [];

    /// <summary>Adds everything of <paramref name="other"/> (a row scored on its own).</summary>
    public void Merge(ScoringBatch other)
    {
        Awards.AddRange(other.Awards);
        Totals.AddRange(other.Totals);
        Badges.AddRange(other.Badges);
        Levels.AddRange(other.Levels);
        Quests.AddRange(other.Quests);
        Redemptions.AddRange(other.Redemptions);
        SeasonsEnded.AddRange(other.SeasonsEnded);
    }

    /// <summary>The notifications of the committed batch.</summary>
    public ScoringOutcome ToOutcome()
    {
        var boards = Totals.Select(t => (t.Board.TenantId, t.Board.Board)).Distinct()
            .Select(b => new BoardChanged(b.TenantId, b.Board, LeaderboardPeriods.Names))
            .ToList();
        return new ScoringOutcome(Awards, boards) { Badges = Badges, Levels = Levels, Quests = Quests, Redemptions = Redemptions, SeasonsEnded = SeasonsEnded };
    }
}

/// <summary>A person whose ledger changed in a batch.</summary>
public readonly record struct TouchedParticipant(string TenantId, long Id, string Kind, string ExternalId);

using System.Data.Common;
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

    /// <summary>
    /// Whether board totals wait for <see cref="Ledger.LedgerWriter.FlushTotalsAsync"/> before the commit instead of being written
    /// after each ledger entry: the scorer sums a batch's deltas and writes each member's total once per board and period.
    /// Whoever sets it must flush before committing.
    /// </summary>
    public bool DeferTotals { get; init; }

    /// <summary>
    /// Whether balance changes wait for <see cref="Ledger.LedgerWriter.FlushBalancesAsync"/> instead of one upsert per ledger entry:
    /// the scorer writes each person's balance once per batch, and the balance after each entry (in its notification) is worked
    /// out from the written one. Whoever sets it must flush before anything reads balances in the transaction and before committing.
    /// </summary>
    public bool DeferBalances { get; init; }

    // Balance changes not written yet, in ledger order, with the notification each one's balance goes into (an index in Awards).
    internal List<DueBalance> DueBalances { get; } = [];

    // Board total deltas not written yet, per tenant, board, period and member (see LedgerWriter.FlushTotalsAsync).
    internal Dictionary<(string TenantId, string Board, string PeriodKey, string MemberKey), long> DueTotals { get; } = [];

    // Participants upserted in this batch's transaction, so that repeating the same upsert (the event's
    // people, then each ledger entry's person) is skipped: see ScoringStore.UpsertParticipantAsync.
    private readonly Dictionary<(string TenantId, string Kind, string ExternalId), UpsertedParticipant> _participants = [];
    private DbTransaction? _participantsTx;

    /// <summary>
    /// The id of a participant already upserted in <paramref name="tx"/> at <paramref name="nowMs"/> with a
    /// name and team that this upsert would not change (null keeps the stored value; a team is the same only
    /// with the same as-of time, as an upsert moves the team only for a newer fact), or null.
    /// </summary>
    internal long? KnownParticipant(DbTransaction tx, string tenantId, string kind, string externalId, string? displayName, string? team, long teamAsOfMs,
        long nowMs) =>
        ReferenceEquals(tx, _participantsTx)
        && _participants.TryGetValue((tenantId, kind, externalId), out var known)
        && known.NowMs == nowMs
        && (displayName is null || displayName == known.DisplayName)
        && (team is null || (team == known.Team && teamAsOfMs == known.TeamAsOfMs))
            ? known.Id
            : null;

    /// <summary>Records an upsert made in <paramref name="tx"/> (see <see cref="KnownParticipant"/>).</summary>
    internal void RememberParticipant(DbTransaction tx, string tenantId, string kind, string externalId, string? displayName, string? team, long teamAsOfMs,
        long nowMs, long id)
    {
        if (!ReferenceEquals(tx, _participantsTx))
        {
            _participants.Clear();
            _participantsTx = tx;
        }
        // The stored name after the upsert (a null left what was there, which is known only if remembered), and the last
        // team upserted with its as-of time: repeating exactly that upsert changes nothing, whichever team it left stored.
        var before = _participants.TryGetValue((tenantId, kind, externalId), out var b) && b.Id == id ? b : null;
        _participants[(tenantId, kind, externalId)] = team is null
            ? new UpsertedParticipant(id, displayName ?? before?.DisplayName, before?.Team, before?.TeamAsOfMs ?? 0, nowMs)
            : new UpsertedParticipant(id, displayName ?? before?.DisplayName, team, teamAsOfMs, nowMs);
    }

    private sealed record UpsertedParticipant(long Id, string? DisplayName, string? Team, long TeamAsOfMs, long NowMs);

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

/// <summary>One ledger entry's change to a balance, not written yet, and the index in <see cref="ScoringBatch.Awards"/> of its notification.</summary>
internal readonly record struct DueBalance(string TenantId, long ParticipantId, long Points, long Pending, long Earned, long ActivityMs, int AwardIndex);

/// <summary>A person whose ledger changed in a batch.</summary>
public readonly record struct TouchedParticipant(string TenantId, long Id, string Kind, string ExternalId);

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>An engine flag as the queue reads it.</summary>
public sealed class FlagRow
{
    /// <summary>The flag id.</summary>
    public long Id { get; init; }
    /// <summary>ticket-splitting, reopen-loop, …</summary>
    public string Kind { get; init; } = "";
    /// <summary><c>ticket:{id}</c> or <c>customer:{id}:{window}</c>.</summary>
    public string Subject { get; init; } = "";
    /// <summary>The agent the engine names.</summary>
    public string ParticipantId { get; init; } = "";
    /// <summary>The engine's explanation.</summary>
    public string Detail { get; init; } = "";
    /// <summary>open, approved or contested.</summary>
    public string Status { get; init; } = "";
    /// <summary>When it was raised.</summary>
    public long CreatedAtMs { get; init; }
}

/// <summary>A ledger entry a flag is about, with the decision it already has (if any).</summary>
public sealed class FlaggedAward : ReviewAward
{
    /// <summary>approved, contested, or null while undecided.</summary>
    public string? Decision { get; init; }
}

/// <summary>An open flag in the queue with the tickets and awards it concerns.</summary>
public sealed record FlagQueueItem(long Id, string Kind, string Subject, string ParticipantId, string Detail, string Status, long CreatedAtMs,
    IReadOnlyList<string> TicketIds, IReadOnlyList<FlaggedAward> Awards);

/// <summary>A decision on a whole flag (the audit trail keeps it beside the award decisions it made).</summary>
public sealed class FlagDecision
{
    /// <summary>Id (0 before it is stored).</summary>
    public long Id { get; init; }
    /// <summary>Tenant.</summary>
    public string TenantId { get; init; } = "";
    /// <summary>The flag decided on.</summary>
    public long FlagId { get; init; }
    /// <summary>approved or contested.</summary>
    public string Decision { get; init; } = "";
    /// <summary>The reviewer's reason.</summary>
    public string? Note { get; init; }
    /// <summary>The reviewer (token subject).</summary>
    public string Author { get; init; } = "";
    /// <summary>When (Unix ms).</summary>
    public long NowMs { get; init; }
    /// <summary>The flag's kind (read back with the trail).</summary>
    public string? Kind { get; init; }
    /// <summary>The agent the flag named (read back with the trail).</summary>
    public string? ParticipantId { get; init; }
}

/// <summary>What deciding a flag did: the awards it decided and the points a contest took back.</summary>
public sealed record FlagDecisionResult(long FlagId, string Decision, IReadOnlyList<long> DecidedLedgerIds, long PointsReversed, IReadOnlyList<long> AdjustmentLedgerIds);

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>An agent's ledger entry as a reviewer sees it.</summary>
public class ReviewAward
{
    /// <summary>The ledger id.</summary>
    public long LedgerId { get; init; }
    /// <summary>Points.</summary>
    public long Points { get; init; }
    /// <summary>Category.</summary>
    public string Category { get; init; } = "";
    /// <summary>Why it was given.</summary>
    public string Reason { get; init; } = "";
    /// <summary>award, pending, adjustment …</summary>
    public string EntryKind { get; init; } = "";
    /// <summary>The ticket.</summary>
    public string? TicketId { get; init; }
    /// <summary>When the event happened.</summary>
    public long OccurredAtMs { get; init; }
    /// <summary>The agent's helpdesk id.</summary>
    public string AgentId { get; init; } = "";
    /// <summary>The agent's name.</summary>
    public string? AgentName { get; init; }
}

/// <summary>An award waiting in the queue.</summary>
public sealed class ReviewQueueItem : ReviewAward
{
    /// <summary>manual (picked by a team lead) or flag (raised by the engine).</summary>
    public string Origin { get; init; } = "";
    /// <summary>Why it is in the queue.</summary>
    public string? Note { get; init; }
    /// <summary>Who put it there.</summary>
    public string AddedBy { get; init; } = "";
    /// <summary>When.</summary>
    public long AddedAtMs { get; init; }
}

/// <summary>One entry of the audit trail.</summary>
public sealed class ReviewDecision
{
    /// <summary>Id (0 before it is stored).</summary>
    public long Id { get; init; }
    /// <summary>Tenant.</summary>
    public string TenantId { get; init; } = "";
    /// <summary>The award decided on.</summary>
    public long LedgerId { get; init; }
    /// <summary>approved or contested.</summary>
    public string Decision { get; init; } = "";
    /// <summary>The reviewer's reason.</summary>
    public string? Note { get; init; }
    /// <summary>The reviewer (token subject).</summary>
    public string Author { get; init; } = "";
    /// <summary>The ledger entry a contest wrote to take the award back (the recompute's clawback, or an adjustment).</summary>
    public long? AdjustmentLedgerId { get; init; }
    /// <summary>The engine flag this decision came from, when it was decided with its flag.</summary>
    public long? FlagId { get; init; }
    /// <summary>When (Unix ms).</summary>
    public long NowMs { get; init; }
}

namespace HelpdeskGamify.Connector.WriteBack;

/// <summary>One write-back job as the admin sees it.</summary>
public sealed record WriteBackJob
{
    /// <summary>The job's id.</summary>
    public long Id { get; init; }
    /// <summary>The tenant.</summary>
    public string TenantId { get; init; } = "";
    /// <summary>The redemption that asked for it.</summary>
    public long RedemptionId { get; init; }
    /// <summary>What it does in the helpdesk (<see cref="WriteBackActions"/>).</summary>
    public string Action { get; init; } = "";
    /// <summary>The customer's id in the helpdesk.</summary>
    public string CustomerId { get; init; } = "";
    /// <summary>pending, succeeded, skipped or failed (<see cref="WriteBackStatuses"/>).</summary>
    public string Status { get; init; } = "";
    /// <summary>How many times it was started.</summary>
    public int Attempts { get; init; }
    /// <summary>When a pending job runs next (Unix ms).</summary>
    public long NextAttemptAtMs { get; init; }
    /// <summary>Why the last attempt did not succeed, or why the job was skipped; never a credential.</summary>
    public string? LastError { get; init; }
    /// <summary>Whether the customer carries the tag now (null until it ran).</summary>
    public bool? CustomerTagged { get; init; }
    /// <summary>How many open tickets were raised (null until it ran).</summary>
    public int? TicketsRaised { get; init; }
    /// <summary>When it was written (Unix ms).</summary>
    public long CreatedAtMs { get; init; }
    /// <summary>When it reached its final state (Unix ms), or null while pending.</summary>
    public long? CompletedAtMs { get; init; }
}

/// <summary>What a write-back job does.</summary>
public static class WriteBackActions
{
    /// <summary>Tag the customer and raise their open tickets (reward kind <c>priority_service</c>).</summary>
    public const string PrioritizeCustomer = "prioritize_customer";
}

/// <summary>The states of a write-back job.</summary>
public static class WriteBackStatuses
{
    /// <summary>Waiting for its (next) attempt.</summary>
    public const string Pending = "pending";
    /// <summary>Done in the helpdesk.</summary>
    public const string Succeeded = "succeeded";
    /// <summary>Nothing could be done and retrying would not change that (no API credentials, customer unknown to the helpdesk).</summary>
    public const string Skipped = "skipped";
    /// <summary>Gave up after the allowed attempts, or the helpdesk refused it; the admin can retry.</summary>
    public const string Failed = "failed";

    /// <summary>Every state.</summary>
    public static readonly IReadOnlyList<string> All = [Pending, Succeeded, Skipped, Failed];
}

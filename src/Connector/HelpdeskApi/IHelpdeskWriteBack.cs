namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// Changes the helpdesk when a customer redeems a reward that must be felt there. Hook point:
/// the redemption engine (<c>Scoring/Rewards/RedemptionService.RedeemAsync</c>) calls
/// <see cref="PrioritizeCustomerAsync"/> for a reward of kind <c>priority-service</c> after its
/// transaction has committed, never inside it, and preferably off the request path (the helpdesk
/// may be slow or rate limited). A failure must not undo the redemption: log it and retry later.
/// The call is idempotent (tags are added, not replaced; only open tickets below high priority
/// are raised), so retrying is safe.
/// </summary>
public interface IHelpdeskWriteBack
{
    /// <summary>Tags the customer with <see cref="PriorityService.Tag"/> and raises their open tickets to high priority.</summary>
    Task<WriteBackResult> PrioritizeCustomerAsync(string tenantId, string customerId, CancellationToken ct);
}

/// <summary>The words write-back uses in the helpdesk.</summary>
public static class PriorityService
{
    /// <summary>The tag put on the customer (and on the tickets raised for them).</summary>
    public const string Tag = "priority_service";
}

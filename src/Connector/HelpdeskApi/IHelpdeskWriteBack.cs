namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// Changes the helpdesk when a customer redeems a reward that must be felt there. Called by
/// <see cref="WriteBack.WriteBackWorker"/> for the job a <c>priority_service</c> redemption writes in
/// its transaction (<c>Scoring/Rewards/RedemptionService.RedeemAsync</c>), after commit and off the
/// request path; a failure never undoes the redemption, the job is retried. The call is idempotent
/// (tags are read and added only when missing; only open tickets below high are raised), so a
/// repeated job changes nothing.
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

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// Changes the helpdesk when a customer redeems a reward that must be felt there. Hook point:
/// the redemption engine calls <see cref="PrioritizeCustomerAsync"/> after a "priority service"
/// redemption has committed (never inside its transaction; a failure here must not undo it, so
/// log and retry later instead). The call is idempotent: tags are added, not replaced, and only
/// open tickets below high priority are raised.
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

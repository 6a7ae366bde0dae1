using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.Tenants;
using HelpdeskGamify.Connector.Zendesk;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>Sends a write-back to the tenant's helpdesk.</summary>
public sealed class HelpdeskWriteBack(TenantDirectory tenants, ZendeskWriteBack zendesk, FreshdeskWriteBack freshdesk) : IHelpdeskWriteBack
{
    /// <inheritdoc />
    public async Task<WriteBackResult> PrioritizeCustomerAsync(string tenantId, string customerId, CancellationToken ct)
    {
        var tenant = await tenants.FindAsync(tenantId, ct) ?? throw new ApiNotConfiguredException($"No tenant '{tenantId}'.");
        return tenant.Platform switch
        {
            "zendesk" => await zendesk.PrioritizeCustomerAsync(tenant, customerId, ct),
            "freshdesk" => await freshdesk.PrioritizeCustomerAsync(tenant, customerId, ct),
            _ => throw new ApiNotConfiguredException($"Tenant '{tenantId}' has no helpdesk platform."),
        };
    }
}

using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>"Priority service" in Zendesk: a tag on the user, and their open tickets raised to high.</summary>
public sealed class ZendeskWriteBack(ZendeskApi api)
{
    private static readonly string[] OpenStatuses = ["new", "open", "pending", "hold"];
    private static readonly string[] HighOrAbove = ["high", "urgent"];

    /// <summary>Tags the requester and raises their open tickets.</summary>
    public async Task<WriteBackResult> PrioritizeCustomerAsync(Tenant tenant, string customerId, CancellationToken ct)
    {
        if (!long.TryParse(customerId, out _))
        {
            throw new ArgumentException("A Zendesk customer id is the requester's numeric user id.", nameof(customerId));
        }
        var client = api.For(tenant);
        // Adding a tag twice is harmless in Zendesk, but a repeated job should change nothing (and not touch the user's updated_at).
        var user = await client.UserAsync(customerId, ct);
        if (!user.Tags.Contains(PriorityService.Tag, StringComparer.OrdinalIgnoreCase))
        {
            await client.AddUserTagsAsync(customerId, [PriorityService.Tag], ct);
        }
        var raised = 0;
        await foreach (var ticket in client.RequestedTicketsAsync(customerId, ct))
        {
            if (OpenStatuses.Contains(ticket.Status, StringComparer.OrdinalIgnoreCase)
                && !HighOrAbove.Contains(ticket.Priority, StringComparer.OrdinalIgnoreCase))
            {
                await client.UpdateTicketAsync(ticket.Id, "high", [PriorityService.Tag], ct);
                raised++;
            }
        }
        return new WriteBackResult(true, raised);
    }
}

using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>"Priority service" in Freshdesk: a tag on the contact, and their open or pending tickets raised to high.</summary>
public sealed class FreshdeskWriteBack(FreshdeskApi api)
{
    private const int High = 3;

    /// <summary>Tags the contact (by e-mail, as webhooks know customers, or numeric id) and raises their open tickets.</summary>
    public async Task<WriteBackResult> PrioritizeCustomerAsync(Tenant tenant, string customerId, CancellationToken ct)
    {
        var client = api.For(tenant);
        FdContact? contact = null;
        if (customerId.Contains('@', StringComparison.Ordinal))
        {
            await foreach (var c in client.ContactsByEmailAsync(customerId, ct))
            {
                contact = c;
                break;
            }
        }
        else if (long.TryParse(customerId, out var id))
        {
            contact = await client.ContactAsync(id, ct);
        }
        if (contact is null)
        {
            return new WriteBackResult(false, 0);
        }
        // Freshdesk replaces the tag list on update, so the current tags are kept explicitly.
        var tagged = contact.Tags.Contains(PriorityService.Tag, StringComparer.OrdinalIgnoreCase);
        if (!tagged)
        {
            await client.SetContactTagsAsync(contact.Id, [.. contact.Tags, PriorityService.Tag], ct);
        }
        var raised = 0;
        await foreach (var ticket in client.TicketsOfRequesterAsync(contact.Id, ct))
        {
            // 2 open, 3 pending; resolved and closed tickets are left alone.
            if (ticket.Status is 2 or 3 && ticket.Priority < High)
            {
                await client.SetTicketPriorityAsync(ticket.Id, High, ct);
                raised++;
            }
        }
        return new WriteBackResult(true, raised);
    }
}

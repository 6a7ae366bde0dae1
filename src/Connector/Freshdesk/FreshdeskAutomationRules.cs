using HelpdeskGamify.Connector.HelpdeskApi;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// The four automation rules an admin pastes into Freshdesk (it has no API for automations), each
/// sending the contract's template with its <c>event</c> filled in to the tenant's webhook route.
/// </summary>
public static class FreshdeskAutomationRules
{
    /// <summary>The rule name prefix.</summary>
    public const string NamePrefix = "HelpdeskGamify: ";

    /// <summary>The JSON body of the contract's automation template.</summary>
    public static string Body(string eventName) =>
        "{\"schema\": \"helpdeskgamify.freshdesk/1\", \"event\": \"" + eventName + "\",\n"
        + " \"ticket_id\": \"{{ticket.id}}\", \"status\": \"{{ticket.status}}\", \"priority\": \"{{ticket.priority}}\",\n"
        + " \"source\": \"{{ticket.source}}\", \"tags\": \"{{ticket.tags}}\", \"group\": \"{{ticket.group.name}}\",\n"
        + " \"agent_email\": \"{{ticket.agent.email}}\", \"agent_name\": \"{{ticket.agent.name}}\",\n"
        + " \"requester_email\": \"{{ticket.requester.email}}\", \"requester_name\": \"{{ticket.requester.name}}\",\n"
        + " \"triggered_event\": \"{{triggered_event}}\"}";

    /// <summary>The rules, with the URL and the token header to configure in each.</summary>
    public static IReadOnlyList<ManualStep> For(string webhookUrl, string tokenShown)
    {
        var headers = new Dictionary<string, string> { ["X-Webhook-Token"] = tokenShown };
        const string OnCreate = "Admin > Workflows > Automations > Ticket Creation > New rule; action 'Trigger webhook': POST, encoding JSON, content 'Advanced'";
        const string OnUpdate = "Admin > Workflows > Automations > Ticket Updates > New rule; action 'Trigger webhook': POST, encoding JSON, content 'Advanced'";
        return
        [
            new(NamePrefix + "ticket created", OnCreate, ["Conditions: none (every new ticket)"], webhookUrl, headers, Body("ticket.created")),
            new(NamePrefix + "ticket resolved", OnUpdate,
                ["When an action performed by: Agent, Requester or System", "Involves: Status is changed from Any status to Resolved"],
                webhookUrl, headers, Body("ticket.resolved")),
            new(NamePrefix + "ticket reopened", OnUpdate,
                ["When an action performed by: Agent, Requester or System", "Involves: Status is changed from Resolved to Open", "Or: Status is changed from Closed to Open"],
                webhookUrl, headers, Body("ticket.reopened")),
            new(NamePrefix + "agent replied", OnUpdate,
                ["When an action performed by: Agent", "Involves: Reply is sent"],
                webhookUrl, headers, Body("ticket.agent_replied")),
        ];
    }
}

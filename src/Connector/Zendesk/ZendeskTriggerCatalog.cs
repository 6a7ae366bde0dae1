namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>
/// The five triggers setup installs, one per event of the contract's trigger template, each
/// sending the template (with its <c>event</c> filled in) to the trigger-connected webhook.
/// </summary>
public static class ZendeskTriggerCatalog
{
    /// <summary>Title prefix; setup recognises its own triggers by title.</summary>
    public const string TitlePrefix = "HelpdeskGamify: ";

    /// <summary>The events, in the order they are installed.</summary>
    public static readonly IReadOnlyList<string> Events =
        ["ticket.created", "ticket.solved", "ticket.reopened", "ticket.satisfaction_rated", "ticket.agent_replied"];

    /// <summary>The JSON body (the contract's template): every value quoted, no free text.</summary>
    public static string Body(string eventName) =>
        "{\"schema\": \"" + ZendeskPayloadParser.TriggerSchema + "\", \"event\": \"" + eventName + "\",\n"
        + " \"ticket_id\": \"{{ticket.id}}\", \"status\": \"{{ticket.status}}\", \"priority\": \"{{ticket.priority}}\",\n"
        + " \"via\": \"{{ticket.via}}\", \"tags\": \"{{ticket.tags}}\", \"group\": \"{{ticket.group.name}}\",\n"
        + " \"assignee_id\": \"{{ticket.assignee.id}}\", \"assignee_name\": \"{{ticket.assignee.name}}\",\n"
        + " \"requester_id\": \"{{ticket.requester.id}}\", \"requester_name\": \"{{ticket.requester.name}}\",\n"
        + " \"updated_at\": \"{{ticket.updated_at_with_timestamp}}\",\n"
        + " \"satisfaction\": \"{{satisfaction.current_rating}}\"}";

    /// <summary>The trigger's title.</summary>
    public static string Title(string eventName) => TitlePrefix + eventName;

    /// <summary>The Triggers API object for <paramref name="eventName"/>, notifying <paramref name="webhookId"/>.</summary>
    public static object Trigger(string eventName, string webhookId) => new
    {
        title = Title(eventName),
        description = "Installed by HelpdeskGamify setup: sends this ticket fact to the gamification engine.",
        active = true,
        conditions = Conditions(eventName),
        actions = new[] { new { field = "notification_webhook", value = new[] { webhookId, Body(eventName) } } },
    };

    private static object Conditions(string eventName) => eventName switch
    {
        "ticket.created" => new { all = new[] { C("update_type", "is", "Create") }, any = Array.Empty<object>() },
        "ticket.solved" => new { all = new[] { C("status", "value", "solved") }, any = Array.Empty<object>() },
        // Changed from solved and now below solved: reopened by a reply or an agent.
        "ticket.reopened" => new { all = new[] { C("status", "value_previous", "solved"), C("status", "less_than", "solved") }, any = Array.Empty<object>() },
        "ticket.satisfaction_rated" => new
        {
            all = Array.Empty<object>(),
            any = new[]
            {
                C("satisfaction_score", "value", "good"), C("satisfaction_score", "value", "bad"),
                C("satisfaction_score", "value", "good_with_comment"), C("satisfaction_score", "value", "bad_with_comment"),
            },
        },
        "ticket.agent_replied" => new
        {
            all = new[] { C("update_type", "is", "Change"), C("comment_is_public", "is", "true"), C("role", "is", "agent") },
            any = Array.Empty<object>(),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "Not a trigger template event."),
    };

    private static object C(string field, string @operator, string value) => new { field, @operator, value };
}

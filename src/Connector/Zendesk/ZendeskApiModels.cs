using Newtonsoft.Json;

#pragma warning disable CA1812 // Created by the JSON reader.
namespace HelpdeskGamify.Connector.Zendesk;

// The few fields of Zendesk's REST objects that we read; everything else is ignored.

internal sealed class ZdUser
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
    [JsonProperty("email")] public string? Email { get; set; }
    [JsonProperty("role")] public string? Role { get; set; }
    [JsonProperty("active")] public bool Active { get; set; } = true;
    [JsonProperty("default_group_id")] public long? DefaultGroupId { get; set; }
    [JsonProperty("photo")] public ZdPhoto? Photo { get; set; }
    [JsonProperty("tags")] public List<string> Tags { get; set; } = [];
}

internal sealed class ZdPhoto
{
    [JsonProperty("content_url")] public string? ContentUrl { get; set; }
}

internal sealed class ZdGroup
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
}

internal sealed class ZdGroupMembership
{
    [JsonProperty("user_id")] public long UserId { get; set; }
    [JsonProperty("group_id")] public long GroupId { get; set; }
    [JsonProperty("default")] public bool Default { get; set; }
}

internal sealed class ZdWebhook
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("name")] public string? Name { get; set; }
    [JsonProperty("endpoint")] public string? Endpoint { get; set; }
    [JsonProperty("status")] public string? Status { get; set; }
    [JsonProperty("subscriptions")] public List<string> Subscriptions { get; set; } = [];
}

internal sealed class ZdTrigger
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("title")] public string? Title { get; set; }
    [JsonProperty("active")] public bool Active { get; set; }
}

internal sealed class ZdTicket
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("status")] public string? Status { get; set; }
    [JsonProperty("priority")] public string? Priority { get; set; }
    [JsonProperty("via")] public ZdVia? Via { get; set; }
    [JsonProperty("tags")] public List<string> Tags { get; set; } = [];
    [JsonProperty("group_id")] public long? GroupId { get; set; }
    [JsonProperty("assignee_id")] public long? AssigneeId { get; set; }
    [JsonProperty("requester_id")] public long? RequesterId { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonProperty("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
}

internal sealed class ZdVia
{
    [JsonProperty("channel")] public string? Channel { get; set; }
}

internal sealed class ZdMetricSet
{
    [JsonProperty("ticket_id")] public long TicketId { get; set; }
    [JsonProperty("solved_at")] public DateTimeOffset? SolvedAt { get; set; }
    [JsonProperty("reply_time_in_minutes")] public ZdMinutes? ReplyTime { get; set; }
    [JsonProperty("full_resolution_time_in_minutes")] public ZdMinutes? FullResolutionTime { get; set; }
}

internal sealed class ZdMinutes
{
    [JsonProperty("calendar")] public long? Calendar { get; set; }
}

internal sealed class ZdSatisfactionRating
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("score")] public string? Score { get; set; }
    [JsonProperty("comment")] public string? Comment { get; set; }
    [JsonProperty("ticket_id")] public long? TicketId { get; set; }
    [JsonProperty("assignee_id")] public long? AssigneeId { get; set; }
    [JsonProperty("requester_id")] public long? RequesterId { get; set; }
    [JsonProperty("group_id")] public long? GroupId { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonProperty("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>One page of the incremental ticket export with its side-loads.</summary>
internal sealed record ZdExportPage(List<ZdTicket> Tickets, List<ZdMetricSet> MetricSets, List<ZdUser> Users, List<ZdGroup> Groups);

internal sealed class ZdTicketEvent
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("ticket_id")] public long TicketId { get; set; }
    [JsonProperty("timestamp")] public long Timestamp { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonProperty("updater_id")] public long? UpdaterId { get; set; }
    [JsonProperty("event_type")] public string? EventType { get; set; }
    [JsonProperty("child_events")] public List<ZdChildEvent> ChildEvents { get; set; } = [];
}

internal sealed class ZdChildEvent
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("event_type")] public string? EventType { get; set; }
    [JsonProperty("field_name")] public string? FieldName { get; set; }
    [JsonProperty("status")] public string? Status { get; set; }
    [JsonProperty("value")] public Newtonsoft.Json.Linq.JToken? Value { get; set; }
    [JsonProperty("previous_value")] public Newtonsoft.Json.Linq.JToken? PreviousValue { get; set; }
    [JsonProperty("public")] public bool? Public { get; set; }
    [JsonProperty("author_id")] public long? AuthorId { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
}

using Newtonsoft.Json;

#pragma warning disable CA1812 // Created by the JSON reader.
namespace HelpdeskGamify.Connector.Freshdesk;

// The few fields of Freshdesk v2 objects that we read; everything else is ignored.

internal sealed class FdAgent
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("contact")] public FdContact? Contact { get; set; }
    [JsonProperty("group_ids")] public List<long> GroupIds { get; set; } = [];
}

internal sealed class FdContact
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
    [JsonProperty("email")] public string? Email { get; set; }
    [JsonProperty("active")] public bool Active { get; set; } = true;
    [JsonProperty("avatar")] public FdAvatar? Avatar { get; set; }
    [JsonProperty("tags")] public List<string> Tags { get; set; } = [];
}

internal sealed class FdAvatar
{
    [JsonProperty("avatar_url")] public string? AvatarUrl { get; set; }
}

internal sealed class FdGroup
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
    [JsonProperty("agent_ids")] public List<long> AgentIds { get; set; } = [];
}

internal sealed class FdTicket
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("status")] public int Status { get; set; }
    [JsonProperty("priority")] public int Priority { get; set; }
    [JsonProperty("source")] public int Source { get; set; }
    [JsonProperty("tags")] public List<string> Tags { get; set; } = [];
    [JsonProperty("group_id")] public long? GroupId { get; set; }
    [JsonProperty("responder_id")] public long? ResponderId { get; set; }
    [JsonProperty("requester_id")] public long? RequesterId { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonProperty("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonProperty("stats")] public FdTicketStats? Stats { get; set; }
    [JsonProperty("requester")] public FdContact? Requester { get; set; }
}

internal sealed class FdTicketStats
{
    [JsonProperty("first_responded_at")] public DateTimeOffset? FirstRespondedAt { get; set; }
    [JsonProperty("resolved_at")] public DateTimeOffset? ResolvedAt { get; set; }
    [JsonProperty("closed_at")] public DateTimeOffset? ClosedAt { get; set; }
}

internal sealed class FdSatisfactionRating
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("user_id")] public long? UserId { get; set; }
    [JsonProperty("agent_id")] public long? AgentId { get; set; }
    [JsonProperty("group_id")] public long? GroupId { get; set; }
    [JsonProperty("ticket_id")] public long? TicketId { get; set; }
    [JsonProperty("feedback")] public string? Feedback { get; set; }
    [JsonProperty("ratings")] public Dictionary<string, int> Ratings { get; set; } = [];
    [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
}

internal sealed class FdConversation
{
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("user_id")] public long? UserId { get; set; }
    [JsonProperty("incoming")] public bool Incoming { get; set; }
    [JsonProperty("private")] public bool Private { get; set; }
    [JsonProperty("source")] public int Source { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
}

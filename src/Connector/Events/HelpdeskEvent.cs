namespace HelpdeskGamify.Connector.Events;

/// <summary>
/// One helpdesk fact in a shape shared by every source. It is what the inbox stores next to the
/// raw delivery and what the rules read, so it carries everything scoring needs and nothing more.
/// </summary>
public sealed record HelpdeskEvent
{
    /// <summary>Which adapter produced it: zendesk, zendesk-messaging, freshdesk or freshchat.</summary>
    public required string Source { get; init; }

    /// <summary>What happened.</summary>
    public required HelpdeskEventKind Kind { get; init; }

    /// <summary>When it happened at the helpdesk (not when we received it).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The provider's own id for this event or delivery, when it has one.</summary>
    public string? SourceEventId { get; init; }

    /// <summary>The helpdesk ticket id.</summary>
    public string? TicketId { get; init; }

    /// <summary>The chat conversation id.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The chat message id, for chat messages; the same message reported by two routes carries the same id.</summary>
    public string? MessageId { get; init; }

    /// <summary>The helpdesk id of the agent the fact is about.</summary>
    public string? AgentId { get; init; }

    /// <summary>The agent's display name, when the payload carries it.</summary>
    public string? AgentName { get; init; }

    /// <summary>The user's role when a user event reports it (agent, admin, end-user …), lower-case.</summary>
    public string? Role { get; init; }

    /// <summary>False when a user event reports the user was deactivated (soft-deleted), true when reactivated.</summary>
    public bool? Active { get; init; }

    /// <summary>The helpdesk id of the customer (requester, chat user).</summary>
    public string? CustomerId { get; init; }

    /// <summary>The customer's display name, when the payload carries it.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Lower-case channel: web, email, chat, messaging, phone, api …</summary>
    public string? Channel { get; init; }

    /// <summary>Lower-case priority: low, normal, high, urgent.</summary>
    public string? Priority { get; init; }

    /// <summary>Lower-case ticket tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The group (team) name or id.</summary>
    public string? Group { get; init; }

    /// <summary>The satisfaction rating, for <see cref="HelpdeskEventKind.SatisfactionRated"/>.</summary>
    public SatisfactionRating Rating { get; init; }

    /// <summary>The customer's comment with a rating.</summary>
    public string? RatingComment { get; init; }

    /// <summary>When the ticket was created, when the payload says; lets the scorer derive first-reply time from the earliest reply.</summary>
    public DateTimeOffset? TicketCreatedAt { get; init; }

    /// <summary>Seconds from ticket creation to the first agent reply, when known.</summary>
    public long? FirstReplySeconds { get; init; }

    /// <summary>Seconds from ticket creation to this solve, when known.</summary>
    public long? ResolutionSeconds { get; init; }

    /// <summary>For <see cref="HelpdeskEventKind.CustomEvent"/>: the event type (<c>review.posted</c>, or one the tenant defined).</summary>
    public string? EventType { get; init; }

    /// <summary>For <see cref="HelpdeskEventKind.CustomEvent"/>: the attributes, already checked against the type's schema.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Attributes { get; init; }
}

using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Freshchat;
using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.Connector.ZendeskMessaging;

namespace HelpdeskGamify.Connector.Tests.Fuzzing;

/// <summary>
/// A payload parser and the real fixtures it is fuzzed from. The Freshdesk, Freshchat and
/// Zendesk messaging parsers plug in with one entry each in <see cref="All"/>.
/// </summary>
public sealed record ParserUnderTest(string Name, Func<ReadOnlyMemory<byte>, IReadOnlyList<HelpdeskEvent>> Parse, IReadOnlyList<string> Fixtures)
{
    /// <summary>Every parser of a webhook route.</summary>
    public static IReadOnlyList<ParserUnderTest> All =>
    [
        new("zendesk", body => ZendeskPayloadParser.Parse(body),
        [
            "zendesk/trigger-ticket-solved.json", "zendesk/trigger-unassigned-empty-values.json",
            "zendesk/event-ticket-status-changed.json", "zendesk/event-ticket-agent-assignment-changed.json",
            "zendesk/event-messaging-message-added.json", "zendesk/event-user-active-changed.json",
            "zendesk/event-ticket-comment-added.json", "zendesk/event-ticket-created.json", "zendesk/event-ticket-priority-changed.json",
            "zendesk/event-ticket-tags-changed.json", "zendesk/event-user-created.json", "zendesk/event-user-name-changed.json",
        ]),
        new("zendesk-messaging", body => SunshinePayloadParser.Parse(body),
            ["zendesk-messaging/sunco-conversation-message.json", "zendesk-messaging/sunco-multi-event.json"]),
        new("freshdesk", body => [FreshdeskPayloadParser.Parse(body, DateTimeOffset.UtcNow)],
            ["freshdesk/automation-ticket-resolved.json", "freshdesk/automation-agent-replied.json",
             "freshdesk/automation-ticket-created-unassigned.json", "freshdesk/automation-ticket-reopened.json"]),
        new("freshchat", body => [FreshchatPayloadParser.Parse(body)],
            ["freshchat/message-create.json", "freshchat/message-create-msg-parts.json", "freshchat/conversation-resolution.json",
             "freshchat/conversation-reopen.json", "freshchat/conversation-assignment.json"]),
    ];

    /// <summary>The names, as theory data.</summary>
    public static TheoryData<string> Names() => new(All.Select(p => p.Name));

    /// <summary>The parser by name.</summary>
    public static ParserUnderTest Named(string name) => All.Single(p => p.Name == name);
}

using System.Text;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.ZendeskMessaging;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.ZendeskMessaging;

public sealed class SunshinePayloadParserTests
{
    [Fact]
    public void Customer_message_becomes_a_chat_customer_message_keyed_by_its_event_id()
    {
        var e = Assert.Single(SunshinePayloadParser.Parse(Fixtures.Read("zendesk-messaging/sunco-conversation-message.json")));

        Assert.Equal(HelpdeskEventKind.ChatCustomerMessage, e.Kind);
        Assert.Equal("zendesk-messaging", e.Source);
        Assert.Equal("0ca7d56ba7b2e081e479fe9e", e.SourceEventId);
        Assert.Equal("13f32c6cf7d0d38e6e0eba93", e.ConversationId);
        Assert.Equal("5e55622dac66fb73a3c01877", e.MessageId);
        Assert.Equal("cbec0073faeda4dfcd21d0f1", e.CustomerId);
        Assert.Equal("Web User cbec0073faeda4dfcd21d0f1", e.CustomerName);
        Assert.Equal(DateTimeOffset.Parse("2020-02-25T18:06:37.547Z", System.Globalization.CultureInfo.InvariantCulture), e.OccurredAt);
        Assert.Equal("messaging", e.Channel);
    }

    [Fact]
    public void Every_event_of_a_multi_event_body_is_mapped_in_order()
    {
        var events = SunshinePayloadParser.Parse(Fixtures.Read("zendesk-messaging/sunco-multi-event.json"));

        Assert.Equal(
            [HelpdeskEventKind.ChatStarted, HelpdeskEventKind.ChatCustomerMessage, HelpdeskEventKind.ChatUpdated, HelpdeskEventKind.ChatStarted,
             HelpdeskEventKind.ChatAgentReplied, HelpdeskEventKind.ChatUpdated, HelpdeskEventKind.ChatResolved],
            events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal("6512a0c1e2b4f70012a1c0de", e.ConversationId));
        Assert.Equal(7, events.Select(e => e.SourceEventId).Distinct().Count());
        // The company's own id (externalId) wins over Sunshine's user id.
        Assert.Equal("8447388090494", events[0].CustomerId);
        Assert.Equal("8447388090494", events[1].CustomerId);
        Assert.Equal("Олег Петров", events[1].CustomerName);
        Assert.Equal("Ingrid Dahl", events[4].AgentName);
    }

    [Fact]
    public void Bot_messages_are_history_not_agent_replies()
    {
        var bot = SunshinePayloadParser.Parse(Fixtures.Read("zendesk-messaging/sunco-multi-event.json"))[2];

        Assert.Equal(HelpdeskEventKind.ChatUpdated, bot.Kind);
        Assert.Null(bot.AgentName);
    }

    [Theory]
    [InlineData("{}", "Not a Sunshine Conversations v2 webhook")]
    [InlineData("{\"events\":{}}", "Not a Sunshine Conversations v2 webhook")]
    [InlineData("{\"events\":[{\"id\":\"e1\",\"type\":\"conversation:message\",\"createdAt\":\"2024-05-02T09:00:00Z\",\"payload\":{\"conversation\":{\"id\":\"c1\"},\"message\":{\"id\":\"m1\",\"author\":{\"type\":\"robot\"}}}}]}", "events[0]: 'author.type' must be user or business")]
    [InlineData("{\"events\":[{\"type\":\"conversation:create\",\"createdAt\":\"2024-05-02T09:00:00Z\"}]}", "events[0]: 'id' is required")]
    [InlineData("{\"events\":[{\"id\":\"e1\",\"type\":\"conversation:create\",\"createdAt\":\"yesterday\"}]}", "events[0]: 'createdAt' is not a timestamp")]
    public void Unreadable_bodies_name_the_problem(string body, string expected)
    {
        var ex = Assert.Throws<PayloadException>(() => SunshinePayloadParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }
}

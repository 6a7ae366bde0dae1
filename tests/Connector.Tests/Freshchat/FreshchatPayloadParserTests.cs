using System.Text;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Freshchat;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Freshchat;

public sealed class FreshchatPayloadParserTests
{
    [Fact]
    public void Agent_message_becomes_a_chat_agent_reply_to_the_conversation_user()
    {
        var e = FreshchatPayloadParser.Parse(Fixtures.Read("freshchat/message-create.json"));

        Assert.Equal(HelpdeskEventKind.ChatAgentReplied, e.Kind);
        Assert.Equal("freshchat", e.Source);
        Assert.Equal("1b8d2418-89a3-4de6-b93c-9f6557f13d04", e.AgentId);
        Assert.Equal("9047e655-1e83-463e-b1b6-4a44beb1f07f", e.CustomerId);
        Assert.Equal("35e80ec8-c697-42e4-8ce9-a47a050b1d1a", e.ConversationId);
        Assert.Equal("a834cd45-c463-4644-b254-be920924a998", e.MessageId);
        Assert.Equal("chat", e.Channel);
    }

    [Fact]
    public void Older_msg_parts_version_is_read_too()
    {
        var e = FreshchatPayloadParser.Parse(Fixtures.Read("freshchat/message-create-msg-parts.json"));

        Assert.Equal(HelpdeskEventKind.ChatCustomerMessage, e.Kind);
        Assert.Equal("9047e655-1e83-463e-b1b6-4a44beb1f07f", e.CustomerId);
        Assert.Equal("3f1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b", e.MessageId);
        Assert.Null(e.AgentId);
    }

    [Fact]
    public void Assignment_names_the_agent_who_got_the_chat()
    {
        var e = FreshchatPayloadParser.Parse(Fixtures.Read("freshchat/conversation-assignment.json"));

        Assert.Equal(HelpdeskEventKind.ChatAssigned, e.Kind);
        Assert.Equal("8996ad5d-4b84-4e95-a60d-3f290423db3e", e.AgentId);
        Assert.Equal("0ea9ca56-93b2-4ff4-b4e4-2a31e3a8d0f6", e.Group);
    }

    [Fact]
    public void Resolution_by_an_agent_credits_that_agent()
    {
        var e = FreshchatPayloadParser.Parse(Fixtures.Read("freshchat/conversation-resolution.json"));

        Assert.Equal(HelpdeskEventKind.ChatResolved, e.Kind);
        Assert.Equal("8996ad5d-4b84-4e95-a60d-3f290423db3e", e.AgentId);
        Assert.Equal("edc29cf1-a0fc-4d75-b821-d4eea33c0512", e.ConversationId);
        Assert.Equal(2022, e.OccurredAt.Year);
    }

    [Fact]
    public void Reopen_by_the_user_names_the_customer_and_the_assigned_agent()
    {
        var e = FreshchatPayloadParser.Parse(Fixtures.Read("freshchat/conversation-reopen.json"));

        Assert.Equal(HelpdeskEventKind.ChatReopened, e.Kind);
        Assert.Equal("8996ad5d-4b84-4e95-a60d-3f290423db3e", e.AgentId);
        Assert.Equal("9047e655-1e83-463e-b1b6-4a44beb1f07f", e.CustomerId);
    }

    [Theory]
    [InlineData("{\"action\":\"message_create\",\"action_time\":\"2022-11-22T10:55:23.126Z\",\"data\":{\"message\":{\"id\":\"m\",\"conversation_id\":\"c\",\"actor_type\":\"agent\"}}}", "'data.message' must carry 'message_parts'")]
    [InlineData("{\"action\":\"message_create\",\"data\":{}}", "'action_time' is required")]
    [InlineData("{\"action_time\":\"2022-11-22T10:55:23.126Z\",\"data\":{}}", "'action' is required")]
    [InlineData("{\"action\":\"conversation_resolution\",\"action_time\":\"2022-11-22T10:55:23.126Z\",\"data\":{\"resolve\":{}}}", "'conversation' must be an object")]
    public void Unreadable_bodies_name_the_problem(string body, string expected)
    {
        var ex = Assert.Throws<PayloadException>(() => FreshchatPayloadParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }
}

using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Zendesk;

public sealed class ZendeskEventCoverageTests
{
    private static HelpdeskEvent Parse(string fixture) => Assert.Single(ZendeskPayloadParser.Parse(Fixtures.Read(fixture)));

    [Fact]
    public void Ticket_created_carries_requester_channel_and_creation_time()
    {
        var e = Parse("zendesk/event-ticket-created.json");

        Assert.Equal(HelpdeskEventKind.TicketCreated, e.Kind);
        Assert.Equal("5158", e.TicketId);
        Assert.Equal("8447388090494", e.CustomerId);
        Assert.Null(e.AgentId);
        Assert.Equal("web", e.Channel);
        Assert.Equal(new DateTimeOffset(2025, 1, 8, 10, 12, 7, TimeSpan.Zero), e.TicketCreatedAt);
    }

    [Fact]
    public void Solved_status_carries_the_resolution_time()
    {
        var e = Parse("zendesk/event-ticket-status-changed.json");

        Assert.Equal(HelpdeskEventKind.TicketSolved, e.Kind);
        Assert.Equal(7418, e.ResolutionSeconds); // 10:12:07 → 12:15:45
        Assert.Equal("urgent", e.Priority);
        Assert.Equal("api", e.Channel);
    }

    [Fact]
    public void Assignment_names_the_new_assignee()
    {
        var e = Parse("zendesk/event-ticket-agent-assignment-changed.json");

        Assert.Equal(HelpdeskEventKind.TicketAssigned, e.Kind);
        Assert.Equal("8447388090496", e.AgentId);
        Assert.Equal("8447320466430", e.Group);
    }

    [Fact]
    public void Public_staff_comment_is_an_agent_reply_and_a_private_one_is_history()
    {
        var reply = Parse("zendesk/event-ticket-comment-added.json");
        var note = Parse("zendesk/event-ticket-comment-added-private.json");

        Assert.Equal(HelpdeskEventKind.TicketAgentReplied, reply.Kind);
        Assert.Equal("8447388090496", reply.AgentId);
        Assert.Equal("Ingrid Dahl", reply.AgentName);
        Assert.Equal(new DateTimeOffset(2025, 1, 8, 10, 12, 7, TimeSpan.Zero), reply.TicketCreatedAt);
        Assert.Equal(HelpdeskEventKind.TicketUpdated, note.Kind);
    }

    [Theory]
    [InlineData("zendesk/event-ticket-priority-changed.json", "urgent")]
    [InlineData("zendesk/event-ticket-tags-changed.json", "urgent")]
    public void Priority_and_tag_changes_are_recorded_with_the_current_state(string fixture, string priority)
    {
        var e = Parse(fixture);

        Assert.Equal(HelpdeskEventKind.TicketUpdated, e.Kind);
        Assert.Equal(priority, e.Priority);
        Assert.Contains("login", e.Tags);
    }

    [Fact]
    public void Tags_are_lower_cased()
    {
        Assert.Equal(["mobile", "login", "vip"], Parse("zendesk/event-ticket-tags-changed.json").Tags);
    }

    [Fact]
    public void Messaging_message_from_a_bot_is_history_with_its_message_id()
    {
        var e = Parse("zendesk/event-messaging-message-added.json");

        Assert.Equal(HelpdeskEventKind.TicketUpdated, e.Kind);
        Assert.Equal("141", e.TicketId);
        Assert.Equal("67ab5f53a96f98663935c3f2", e.ConversationId);
        Assert.Equal("67ab5f55155becd183e284cb", e.MessageId);
    }

    [Fact]
    public void Name_change_gives_the_agent_their_new_name()
    {
        var e = Parse("zendesk/event-user-name-changed.json");

        Assert.Equal(HelpdeskEventKind.ParticipantUpdated, e.Kind);
        Assert.Equal("8447388090496", e.AgentId);
        Assert.Equal("Ingrid Dahl-Ødegård", e.AgentName);
        Assert.Equal("agent", e.Role);
    }

    [Fact]
    public void Role_change_to_agent_makes_the_user_an_agent()
    {
        var e = Parse("zendesk/event-user-role-changed.json");

        Assert.Equal("8447388090777", e.AgentId);
        Assert.Null(e.CustomerId);
        Assert.Equal("agent", e.Role);
    }

    [Fact]
    public void Created_and_deactivated_end_users_are_customers()
    {
        var created = Parse("zendesk/event-user-created.json");
        var deactivated = Parse("zendesk/event-user-active-changed.json");

        Assert.Equal("8447388090888", created.CustomerId);
        Assert.Equal("end-user", created.Role);
        Assert.Null(created.Active);
        Assert.Equal("6596848315901", deactivated.CustomerId);
        Assert.False(deactivated.Active);
    }
}

using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Zendesk;

public sealed class ZendeskPayloadParserTests
{
    private static HelpdeskEvent ParseOne(string fixture) => Assert.Single(ZendeskPayloadParser.Parse(Fixtures.Read(fixture)));

    [Fact]
    public void Trigger_for_a_solved_ticket_becomes_a_solve_by_the_assignee()
    {
        var e = ParseOne("zendesk/trigger-ticket-solved.json");

        Assert.Equal(HelpdeskEventKind.TicketSolved, e.Kind);
        Assert.Equal("zendesk", e.Source);
        Assert.Equal("35436", e.TicketId);
        Assert.Equal("8447388090496", e.AgentId);
        Assert.Equal("Ingrid Dahl", e.AgentName);
        Assert.Equal("8447388090494", e.CustomerId);
        Assert.Equal("Олег Петров", e.CustomerName);
        Assert.Equal("high", e.Priority);
        Assert.Equal("web", e.Channel);
        Assert.Equal(["vip", "refund"], e.Tags);
        Assert.Equal("Tier 2", e.Group);
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 8, 30, 0, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(SatisfactionRating.None, e.Rating);
    }

    [Fact]
    public void Trigger_with_empty_placeholders_leaves_them_unset()
    {
        var e = ParseOne("zendesk/trigger-unassigned-empty-values.json");

        Assert.Equal(HelpdeskEventKind.TicketCreated, e.Kind);
        Assert.Null(e.AgentId);
        Assert.Null(e.AgentName);
        Assert.Null(e.Priority);
        Assert.Null(e.Group);
        Assert.Empty(e.Tags);
        Assert.Equal("chat", e.Channel);
        Assert.Equal("8447388090777", e.CustomerId);
    }

    [Fact]
    public void Status_changed_to_solved_event_becomes_a_solve_with_its_resolution_time()
    {
        var e = ParseOne("zendesk/event-ticket-status-changed.json");

        Assert.Equal(HelpdeskEventKind.TicketSolved, e.Kind);
        Assert.Equal("c6d7e8f9-0a1b-2c3d-4e5f-6a7b8c9d0e1f", e.SourceEventId);
        Assert.Equal("5158", e.TicketId);
        Assert.Equal("8447388090496", e.AgentId);
        Assert.Equal("urgent", e.Priority);
        Assert.Equal("api", e.Channel);
        // Nine fractional digits are read, to the tick.
        Assert.Equal(new DateTimeOffset(2025, 1, 8, 12, 15, 45, TimeSpan.Zero).AddTicks(7890123), e.OccurredAt);
        Assert.Equal((long)(e.OccurredAt - new DateTimeOffset(2025, 1, 8, 10, 12, 7, TimeSpan.Zero)).TotalSeconds, e.ResolutionSeconds);
    }

    [Fact]
    public void Agent_assignment_event_names_the_new_assignee()
    {
        var e = ParseOne("zendesk/event-ticket-agent-assignment-changed.json");

        Assert.Equal(HelpdeskEventKind.TicketAssigned, e.Kind);
        Assert.Equal("8447388090496", e.AgentId);
        Assert.Equal(["mobile", "login"], e.Tags);
    }

    [Fact]
    public void Messaging_message_from_the_bot_is_kept_but_credits_nobody()
    {
        var e = ParseOne("zendesk/event-messaging-message-added.json");

        Assert.Equal(HelpdeskEventKind.TicketUpdated, e.Kind);
        Assert.Equal("141", e.TicketId);
        Assert.Equal("67ab5f53a96f98663935c3f2", e.ConversationId);
        Assert.Null(e.AgentId);
        Assert.Null(e.CustomerId);
    }

    [Fact]
    public void User_event_updates_a_customer()
    {
        var e = ParseOne("zendesk/event-user-active-changed.json");

        Assert.Equal(HelpdeskEventKind.ParticipantUpdated, e.Kind);
        Assert.Equal("6596848315901", e.CustomerId);
        Assert.Null(e.AgentId);
    }

    [Theory]
    [InlineData("[]", "JSON object")]
    [InlineData("{\"hello\":1}", "Neither a Zendesk event")]
    [InlineData("{\"schema\":\"helpdeskgamify.zendesk/1\",\"event\":\"ticket.exploded\",\"ticket_id\":\"1\",\"updated_at\":\"2024-03-06T08:30Z\"}", "'event' must be one of")]
    [InlineData("{\"schema\":\"helpdeskgamify.zendesk/1\",\"event\":\"ticket.solved\",\"updated_at\":\"2024-03-06T08:30Z\"}", "'ticket_id' is required")]
    [InlineData("{\"schema\":\"helpdeskgamify.zendesk/1\",\"event\":\"ticket.solved\",\"ticket_id\":\"<script>\",\"updated_at\":\"2024-03-06T08:30Z\"}", "'ticket_id' is not a valid id")]
    [InlineData("{\"schema\":\"helpdeskgamify.zendesk/1\",\"event\":\"ticket.solved\",\"ticket_id\":\"1\",\"updated_at\":\"yesterday\"}", "'updated_at' is not a timestamp")]
    [InlineData("{\"schema\":\"helpdeskgamify.zendesk/1\",\"event\":\"ticket.satisfaction_rated\",\"ticket_id\":\"1\",\"updated_at\":\"2024-03-06T08:30Z\",\"satisfaction\":\"Offered\"}", "'satisfaction' must be a good or bad rating")]
    [InlineData("{\"type\":\"zen:event-type:organization.created\",\"id\":\"x1\",\"time\":\"2024-03-06T08:30:00Z\"}", "Unsupported Zendesk event type")]
    [InlineData("{\"ticket_id\": 24, \"new_agent_email\": freshdesk_agent1@mailinator.com}", "not valid JSON")]
    public void Unreadable_bodies_are_refused_with_a_reason_naming_the_problem(string body, string expected)
    {
        var ex = Assert.Throws<PayloadException>(() => ZendeskPayloadParser.Parse(System.Text.Encoding.UTF8.GetBytes(body)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfaction_trigger_reads_good_and_bad_in_any_case()
    {
        var good = ZendeskPayloadParser.Parse(System.Text.Encoding.UTF8.GetBytes(ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "5", satisfaction: "Good with comment")));
        var bad = ZendeskPayloadParser.Parse(System.Text.Encoding.UTF8.GetBytes(ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "5", satisfaction: "BAD")));

        Assert.Equal(SatisfactionRating.Good, Assert.Single(good).Rating);
        Assert.Equal(SatisfactionRating.Bad, Assert.Single(bad).Rating);
    }
}

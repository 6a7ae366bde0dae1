using System.Globalization;
using System.Text;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Freshdesk;

public sealed class FreshdeskPayloadParserTests
{
    private static readonly DateTimeOffset Received = DateTimeOffset.Parse("2024-05-02T09:14:11.789Z", CultureInfo.InvariantCulture);

    [Fact]
    public void Resolved_template_becomes_a_solve_by_the_agent_known_by_email()
    {
        var e = FreshdeskPayloadParser.Parse(Fixtures.Read("freshdesk/automation-ticket-resolved.json"), Received);

        Assert.Equal(HelpdeskEventKind.TicketSolved, e.Kind);
        Assert.Equal("freshdesk", e.Source);
        Assert.Equal("24", e.TicketId);
        Assert.Equal("ingrid.dahl@example.no", e.AgentId);
        Assert.Equal("Ingrid Dahl", e.AgentName);
        Assert.Equal("oleg@example.ru", e.CustomerId);
        Assert.Equal("Олег Петров", e.CustomerName);
        Assert.Equal("urgent", e.Priority);
        Assert.Equal("chat", e.Channel);
        Assert.Equal(["billing", "vip"], e.Tags);
        Assert.Equal("Billing", e.Group);
        Assert.Null(e.SourceEventId);
    }

    [Fact]
    public void Occurred_at_is_the_receive_time_truncated_to_the_second()
    {
        var e = FreshdeskPayloadParser.Parse(Fixtures.Read("freshdesk/automation-ticket-resolved.json"), Received);

        Assert.Equal(DateTimeOffset.Parse("2024-05-02T09:14:11Z", CultureInfo.InvariantCulture), e.OccurredAt);
    }

    [Fact]
    public void Empty_placeholders_mean_unassigned_and_emails_are_lower_cased()
    {
        var e = FreshdeskPayloadParser.Parse(Fixtures.Read("freshdesk/automation-ticket-created-unassigned.json"), Received);

        Assert.Equal(HelpdeskEventKind.TicketCreated, e.Kind);
        Assert.Null(e.AgentId);
        Assert.Null(e.AgentName);
        Assert.Null(e.Group);
        Assert.Empty(e.Tags);
        Assert.Equal("kari.nordmann@example.no", e.CustomerId);
        Assert.Equal("Kari \"KN\" Nordmann", e.CustomerName);
        Assert.Equal("web", e.Channel);
        Assert.Equal("low", e.Priority);
    }

    [Theory]
    [InlineData("freshdesk/automation-agent-replied.json", HelpdeskEventKind.TicketAgentReplied)]
    [InlineData("freshdesk/automation-ticket-reopened.json", HelpdeskEventKind.TicketReopened)]
    public void Every_template_event_maps_to_its_kind(string fixture, HelpdeskEventKind kind)
    {
        var e = FreshdeskPayloadParser.Parse(Fixtures.Read(fixture), Received);

        Assert.Equal(kind, e.Kind);
        Assert.Equal("ingrid.dahl@example.no", e.AgentId);
    }

    [Fact]
    public void The_real_unquoted_body_is_refused_with_advice_to_quote_placeholders()
    {
        var body = string.Join('\n', Fixtures.Text("freshdesk/real-world-unquoted-invalid.txt").Split('\n').Where(l => !l.StartsWith('#')));

        var ex = Assert.Throws<PayloadException>(() => FreshdeskPayloadParser.Parse(Encoding.UTF8.GetBytes(body), Received));

        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Quote every placeholder", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":\"other/1\",\"event\":\"ticket.resolved\",\"ticket_id\":\"1\"}", "'schema' must be 'helpdeskgamify.freshdesk/1'")]
    [InlineData("{\"schema\":\"helpdeskgamify.freshdesk/1\",\"event\":\"ticket.deleted\",\"ticket_id\":\"1\"}", "'event' must be one of")]
    [InlineData("{\"schema\":\"helpdeskgamify.freshdesk/1\",\"event\":\"ticket.resolved\",\"ticket_id\":\"\"}", "'ticket_id' is required")]
    [InlineData("{\"schema\":\"helpdeskgamify.freshdesk/1\",\"event\":\"ticket.resolved\",\"ticket_id\":\"1\",\"agent_email\":\"Ingrid Dahl\"}", "'agent_email' is not an e-mail address")]
    public void Wrong_templates_name_the_field(string body, string expected)
    {
        var ex = Assert.Throws<PayloadException>(() => FreshdeskPayloadParser.Parse(Encoding.UTF8.GetBytes(body), Received));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }
}

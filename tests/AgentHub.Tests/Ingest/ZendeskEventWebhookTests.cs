using System.Globalization;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.AgentHub.Tests.Ingest.WebhookAssertions;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class ZendeskEventWebhookTests : IDisposable
{
    private readonly GameHost _host = new();

    [Theory]
    [InlineData("zendesk/event-ticket-created.json", "TicketCreated")]
    [InlineData("zendesk/event-ticket-comment-added.json", "TicketAgentReplied")]
    [InlineData("zendesk/event-ticket-comment-added-private.json", "TicketUpdated")]
    [InlineData("zendesk/event-ticket-priority-changed.json", "TicketUpdated")]
    [InlineData("zendesk/event-ticket-tags-changed.json", "TicketUpdated")]
    [InlineData("zendesk/event-ticket-agent-assignment-changed.json", "TicketAssigned")]
    [InlineData("zendesk/event-ticket-status-changed.json", "TicketSolved")]
    [InlineData("zendesk/event-messaging-message-added.json", "TicketUpdated")]
    [InlineData("zendesk/event-user-created.json", "ParticipantUpdated")]
    [InlineData("zendesk/event-user-name-changed.json", "ParticipantUpdated")]
    [InlineData("zendesk/event-user-role-changed.json", "ParticipantUpdated")]
    [InlineData("zendesk/event-user-active-changed.json", "ParticipantUpdated")]
    public async Task Every_event_type_is_accepted_and_redelivery_under_a_new_invocation_is_a_duplicate(string fixture, string kind)
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var body = Fixtures.Text(fixture);
        using var client = _host.CreateClient();

        await OkAsync(await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body, invocationId: "inv-1")), "accepted", accepted: 1);
        await OkAsync(await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body, invocationId: "inv-2")), "duplicate", duplicates: 1);

        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = @kind", new { kind }));
    }

    [Fact]
    public async Task A_solve_reported_by_the_event_webhook_and_by_the_trigger_counts_once()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var trigger = ZendeskWebhooks.Trigger("ticket.solved", "5158", assigneeId: "8447388090496",
            updatedAt: DateTimeOffset.Parse("2025-01-08T12:15:00Z", CultureInfo.InvariantCulture));
        using var client = _host.CreateClient();

        await OkAsync(await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, Fixtures.Text("zendesk/event-ticket-status-changed.json"))), "accepted");
        await OkAsync(await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, trigger)), "duplicate");
    }

    [Fact]
    public async Task An_unsupported_event_type_is_dead_lettered_with_its_name()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var body = Fixtures.Text("zendesk/event-ticket-created.json").Replace("zen:event-type:ticket.created", "zen:event-type:organization.created", StringComparison.Ordinal);
        using var client = _host.CreateClient();

        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("organization.created", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM dead_letters"));
    }

    public void Dispose() => _host.Dispose();
}

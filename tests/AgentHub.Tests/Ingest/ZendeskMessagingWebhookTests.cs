using System.Text.Json.Nodes;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.AgentHub.Tests.Ingest.WebhookAssertions;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class ZendeskMessagingWebhookTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Every_event_of_a_body_is_stored_once_even_when_resent_in_a_new_envelope()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var body = Fixtures.Text("zendesk-messaging/sunco-multi-event.json");
        using var client = _host.CreateClient();

        using var first = await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + secret, body));
        using var again = await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + secret, body));
        // Sunshine retries the same events; a later delivery can wrap them differently.
        using var rewrapped = await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + secret,
            body.Replace("5e554d2cac66fb73a3c01869", "60aa00000000000000000001", StringComparison.Ordinal)));

        // Creation and the hand-over to the agent workspace both say "the chat started": one fact, six stored.
        await OkAsync(first, "accepted", accepted: 6, duplicates: 1);
        await OkAsync(again, "duplicate", accepted: 0, duplicates: 7);
        await OkAsync(rewrapped, "duplicate", accepted: 0, duplicates: 7);
        Assert.Equal(6, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE source = 'zendesk-messaging'"));
        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = 'ChatStarted'"));
    }

    [Fact]
    public async Task A_later_session_in_the_same_conversation_starts_and_ends_again()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using var client = _host.CreateClient();
        await OkAsync(await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + secret,
            Fixtures.Text("zendesk-messaging/sunco-multi-event.json"))), "accepted");
        // The customer writes again the next day in the same (personal) conversation.
        var nextDay = """
            {"app":{"id":"5698edbf2a43bd081be982f1"},"webhook":{"id":"5e554d2cac66fb73a3c01869","version":"v2"},"events":[
             {"id":"6513f2410000000000000001","type":"switchboard:passControl","createdAt":"2024-05-03T08:00:00.000Z",
              "payload":{"conversation":{"id":"6512a0c1e2b4f70012a1c0de","type":"personal",
               "activeSwitchboardIntegration":{"id":"5ef21b86e933b7355c11c606","name":"zd-agentWorkspace","integrationType":"zd:agentWorkspace"}}}},
             {"id":"6513f2410000000000000002","type":"switchboard:acceptControl","createdAt":"2024-05-03T08:00:01.000Z",
              "payload":{"conversation":{"id":"6512a0c1e2b4f70012a1c0de","type":"personal",
               "activeSwitchboardIntegration":{"id":"5ef21b86e933b7355c11c606","name":"zd-agentWorkspace","integrationType":"zd:agentWorkspace"}}}},
             {"id":"6513f2410000000000000003","type":"switchboard:releaseControl","createdAt":"2024-05-03T08:30:00.000Z",
              "payload":{"conversation":{"id":"6512a0c1e2b4f70012a1c0de","type":"personal"},"reason":"ticketClosed"}},
             {"id":"6513f2410000000000000004","type":"conversation:remove","createdAt":"2024-05-03T08:30:02.000Z",
              "payload":{"conversation":{"id":"6512a0c1e2b4f70012a1c0de","type":"personal"}}}]}
            """;

        using var response = await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + secret, nextDay));

        // A new start and a new end; the second opening event and the second ending event repeat them.
        await OkAsync(response, "accepted", accepted: 2, duplicates: 2);
        Assert.Equal(2, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = 'ChatStarted'"));
        Assert.Equal(2, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = 'ChatResolved'"));
    }

    [Fact]
    public async Task Any_arrival_order_of_the_events_with_redeliveries_stores_the_same_facts()
    {
        var envelope = JsonNode.Parse(Fixtures.Text("zendesk-messaging/sunco-multi-event.json"))!;
        var singles = envelope["events"]!.AsArray().Select(e => new JsonObject
        {
            ["app"] = envelope["app"]!.DeepClone(),
            ["webhook"] = envelope["webhook"]!.DeepClone(),
            ["events"] = new JsonArray(e!.DeepClone()),
        }.ToJsonString()).ToList();
        using var client = _host.CreateClient();
        string? expected = null;

        for (var seed = 1; seed <= 8; seed++)
        {
            var tenant = "order-" + seed;
            var secret = await _host.CreateZendeskTenantAsync(tenant);
            var random = new Random(seed);
            // Every event once, in a shuffled order, plus a few redeliveries anywhere in the stream.
            var stream = singles.Concat(singles.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
            foreach (var body in stream)
            {
                using var response = await client.SendAsync(HelpdeskWebhooks.MessagingPost(tenant, "messaging-" + secret, body));
                response.EnsureSuccessStatusCode();
            }
            var stored = await KindsAsync(tenant);
            expected ??= stored;
            Assert.Equal(expected, stored);
        }
        Assert.Equal("ChatAgentReplied,ChatCustomerMessage,ChatResolved,ChatStarted,ChatUpdated,ChatUpdated", expected);
    }

    [Fact]
    public async Task Single_message_fixture_is_accepted()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using var client = _host.CreateClient();

        using var response = await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + secret,
            Fixtures.Text("zendesk-messaging/sunco-conversation-message.json")));

        await OkAsync(response, "accepted", accepted: 1);
        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = 'ChatCustomerMessage'"));
    }

    [Fact]
    public async Task Wrong_missing_or_other_tenants_key_and_unknown_tenant_get_the_same_401()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var other = await _host.CreateZendeskTenantAsync("globex");
        var body = Fixtures.Text("zendesk-messaging/sunco-conversation-message.json");
        using var client = _host.CreateClient();

        var wrong = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + secret + "x", body)));
        var missing = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", null, body)));
        var otherTenants = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + other, body)));
        var unknown = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.MessagingPost("nobody", "messaging-" + secret, body)));

        Assert.Equal(wrong, missing);
        Assert.Equal(wrong, otherTenants);
        Assert.Equal(wrong, unknown);
        Assert.Equal(0, await CountAsync(_host, "SELECT COUNT(*) FROM inbox"));
        Assert.Equal(0, await CountAsync(_host, "SELECT COUNT(*) FROM dead_letters"));
    }

    [Fact]
    public async Task A_body_that_is_not_v2_is_dead_lettered()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using var client = _host.CreateClient();

        using var response = await client.SendAsync(HelpdeskWebhooks.MessagingPost("acme", "messaging-" + secret,
            "{\"trigger\":\"message:appUser\",\"messages\":[]}"));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM dead_letters WHERE source = 'zendesk-messaging'"));
    }

    private async Task<string> KindsAsync(string tenant)
    {
        await _host.InboxMovedAsync();
        await using var connection = await _host.Service<Connector.Storage.Database>().OpenAsync();
        var kinds = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT kind FROM inbox WHERE tenant_id = @tenant ORDER BY kind", new { tenant });
        return string.Join(',', kinds);
    }

    public void Dispose() => _host.Dispose();
}

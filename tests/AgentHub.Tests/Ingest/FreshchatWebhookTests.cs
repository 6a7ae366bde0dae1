using System.Security.Cryptography;
using System.Text;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.AgentHub.Tests.Ingest.WebhookAssertions;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class FreshchatWebhookTests : IDisposable
{
    private readonly GameHost _host = new();
    private readonly RSA _key = RSA.Create(2048);

    [Theory]
    [InlineData("freshchat/message-create.json", "ChatAgentReplied")]
    [InlineData("freshchat/message-create-msg-parts.json", "ChatCustomerMessage")]
    [InlineData("freshchat/conversation-assignment.json", "ChatAssigned")]
    [InlineData("freshchat/conversation-resolution.json", "ChatResolved")]
    [InlineData("freshchat/conversation-reopen.json", "ChatReopened")]
    public async Task Signed_deliveries_of_every_kind_are_accepted_once(string fixture, string kind)
    {
        await _host.CreateFreshdeskTenantAsync("acme", "token-0123456789", HelpdeskWebhooks.FreshchatPem(_key));
        var body = Fixtures.Read(fixture);
        using var client = _host.CreateClient();

        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("acme", body, _key)), "accepted", accepted: 1);
        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("acme", body, _key)), "duplicate", duplicates: 1);

        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = @kind", new { kind }));
    }

    [Fact]
    public async Task The_same_message_in_the_other_payload_version_is_a_duplicate()
    {
        await _host.CreateFreshdeskTenantAsync("acme", "token-0123456789", HelpdeskWebhooks.FreshchatPem(_key));
        var current = Fixtures.Text("freshchat/message-create.json");
        var older = current.Replace("\"message_parts\"", "\"msg_parts\"", StringComparison.Ordinal);
        using var client = _host.CreateClient();

        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("acme", Encoding.UTF8.GetBytes(current), _key)), "accepted");
        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("acme", Encoding.UTF8.GetBytes(older), _key)), "duplicate");
    }

    [Fact]
    public async Task Bad_missing_or_foreign_signatures_tampered_bodies_and_unknown_tenants_get_the_same_401()
    {
        await _host.CreateFreshdeskTenantAsync("acme", "token-0123456789", HelpdeskWebhooks.FreshchatPem(_key));
        using var stranger = RSA.Create(2048);
        var body = Fixtures.Read("freshchat/message-create.json");
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("Hi there!", "Hi there?", StringComparison.Ordinal));
        var goodSignature = Convert.ToBase64String(_key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var client = _host.CreateClient();

        var foreign = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("acme", body, stranger)));
        var missing = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("acme", body, null)));
        var garbage = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("acme", body, null, "%%%not-base64%%%")));
        var altered = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("acme", tampered, null, goodSignature)));
        var unknown = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("nobody", body, _key)));

        Assert.All(new[] { missing, garbage, altered, unknown }, answer => Assert.Equal(foreign, answer));
        Assert.Equal(0, await CountAsync(_host, "SELECT COUNT(*) FROM inbox"));
    }

    [Fact]
    public async Task A_zendesk_tenant_without_a_freshchat_key_refuses_freshchat()
    {
        await _host.CreateZendeskTenantAsync("zen");
        using var client = _host.CreateClient();

        await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshchatPost("zen", Fixtures.Read("freshchat/message-create.json"), _key)));
    }

    public void Dispose()
    {
        _key.Dispose();
        _host.Dispose();
    }
}

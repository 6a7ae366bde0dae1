using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.AgentHub.Tests.Ingest.WebhookAssertions;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class FreshdeskWebhookTests : IDisposable
{
    private const string Token = "fd-token-0123456789";
    private readonly ClockedGameHost _host = new();
    private readonly RSA _freshchatKey = RSA.Create(2048);

    [Fact]
    public async Task Token_in_the_header_or_as_the_basic_password_is_accepted()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, HelpdeskWebhooks.FreshchatPem(_freshchatKey));
        using var client = _host.CreateClient();

        using var byHeader = await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, Fixtures.Text("freshdesk/automation-ticket-resolved.json")));
        using var byBasic = await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, Fixtures.Text("freshdesk/automation-ticket-created-unassigned.json"), basic: true));

        await OkAsync(byHeader, "accepted", accepted: 1);
        await OkAsync(byBasic, "accepted", accepted: 1);
        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = 'TicketSolved' AND event_json LIKE '%ingrid.dahl@example.no%'"));
    }

    [Fact]
    public async Task Wrong_or_missing_token_in_either_form_and_unknown_tenant_get_the_same_401()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, HelpdeskWebhooks.FreshchatPem(_freshchatKey));
        var body = Fixtures.Text("freshdesk/automation-ticket-resolved.json");
        using var client = _host.CreateClient();

        var wrongHeader = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token + "x", body)));
        var wrongBasic = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", "nope", body, basic: true)));
        var missing = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", null, body)));
        var unknown = await UnauthenticatedAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("nobody", Token, body)));

        Assert.Equal(wrongHeader, wrongBasic);
        Assert.Equal(wrongHeader, missing);
        Assert.Equal(wrongHeader, unknown);
        Assert.Equal(0, await CountAsync(_host, "SELECT COUNT(*) FROM inbox"));
    }

    [Fact]
    public async Task Retries_at_5_30_and_60_minutes_are_duplicates_but_a_repeat_hours_later_is_a_new_fact()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, HelpdeskWebhooks.FreshchatPem(_freshchatKey));
        var body = Fixtures.Text("freshdesk/automation-ticket-resolved.json");
        using var client = _host.CreateClient();

        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, body)), "accepted");
        foreach (var minutes in new[] { 5, 25, 30 })
        {
            _host.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, body)), "duplicate");
        }
        _host.Clock.Advance(TimeSpan.FromHours(3));
        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, body)), "accepted");

        Assert.Equal(2, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE source = 'freshdesk'"));
    }

    [Fact]
    public async Task Resolve_reopen_and_resolve_again_within_minutes_are_three_facts()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, HelpdeskWebhooks.FreshchatPem(_freshchatKey));
        using var client = _host.CreateClient();

        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, Fixtures.Text("freshdesk/automation-ticket-resolved.json"))), "accepted");
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, Fixtures.Text("freshdesk/automation-ticket-reopened.json"))), "accepted");
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, Fixtures.Text("freshdesk/automation-ticket-resolved.json"))), "accepted");
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await OkAsync(await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, Fixtures.Text("freshdesk/automation-ticket-resolved.json"))), "duplicate");

        Assert.Equal(2, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = 'TicketSolved'"));
        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE kind = 'TicketReopened'"));
    }

    [Fact]
    public async Task The_real_unquoted_body_gets_422_and_is_kept_as_a_dead_letter()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, HelpdeskWebhooks.FreshchatPem(_freshchatKey));
        var body = HelpdeskWebhooks.FixtureBody("freshdesk/real-world-unquoted-invalid.txt");
        using var client = _host.CreateClient();

        using var response = await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Quote every placeholder", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var admin = _host.AdminClient();
        var letters = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/dead-letters");
        var letter = Assert.Single(letters.GetProperty("items").EnumerateArray());
        Assert.Equal("freshdesk", letter.GetProperty("source").GetString());
        Assert.Equal(body, letter.GetProperty("body").GetString());
        Assert.Equal(0, await CountAsync(_host, "SELECT COUNT(*) FROM inbox"));
    }

    public void Dispose()
    {
        _freshchatKey.Dispose();
        _host.Dispose();
    }
}

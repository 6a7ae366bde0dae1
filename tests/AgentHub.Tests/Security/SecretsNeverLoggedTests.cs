using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.AgentHub.Tests.Security;

public sealed class SecretsNeverLoggedTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly LoggingHost _host;

    public SecretsNeverLoggedTests() => _host = new LoggingHost(_logs);

    private static readonly string[] Secrets =
    [
        "zd-signing-3f8a1c9e7b2d4f60a1b2c3d4e5f6a7b8",
        "zd-messaging-key-77c1d0e3b9a84e5f",
        "zd-api-token-5e2f9a7c1b3d4e6f8a0b",
        "fd-webhook-token-91b2c3d4e5f6a7b8",
        "fd-api-key-0a1b2c3d4e5f6a7b8c9d",
        "widget-signing-secret-0123456789abcdef0123456789abcdef",
        "rotated-zd-signing-aa11bb22cc33dd44ee55ff66",
    ];

    [Fact]
    public async Task No_secret_token_or_key_appears_in_any_log_line_through_setup_webhooks_failures_and_the_hub()
    {
        using var admin = _host.AdminClient();
        using (var created = await admin.PutAsJsonAsync("/api/admin/tenants/acme", TenantBody(Secrets[0])))
        {
            created.EnsureSuccessStatusCode();
        }
        using (var invalid = await admin.PutAsJsonAsync("/api/admin/tenants/acme", new { name = "", platform = "zendesk", widgetSigningSecret = "short-" + Secrets[5][..10] }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }
        using var client = _host.CreateClient();
        await SendWebhooksAsync(client, Secrets[0]);
        using (var rotated = await admin.PutAsJsonAsync("/api/admin/tenants/acme", TenantBody(Secrets[6])))
        {
            rotated.EnsureSuccessStatusCode();
        }
        await SendWebhooksAsync(client, Secrets[6]);
        var shown = await admin.GetStringAsync("/api/admin/tenants/acme");
        Assert.DoesNotContain(Secrets, s => shown.Contains(s, StringComparison.Ordinal));

        var token = await _host.TokenAsync("acme", Roles.TeamLead, "lead");
        using var lead = _host.ClientWithToken(token);
        (await lead.GetAsync("/api/tenants/acme/leaderboards/agents")).Dispose();
        using var wrongKey = _host.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-" + GameHost.AdminKey);
        (await wrongKey.GetAsync("/api/admin/tenants/acme")).Dispose();
        using var forged = _host.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^3] + "abc");
        (await forged.GetAsync("/api/tenants/acme/leaderboards/agents")).Dispose();
        // Browsers cannot set headers on WebSockets and EventSource, so they put the token in the query.
        using (var browserStyle = _host.CreateClient())
        {
            (await browserStyle.PostAsync($"/hubs/game/negotiate?negotiateVersion=1&access_token={token}", null)).Dispose();
            (await browserStyle.GetAsync($"/hubs/game?id=none&access_token={token}")).Dispose();
        }
        await using (var hub = _host.Hub(token))
        {
            await hub.StartAsync();
        }

        var text = _logs.Text;
        Assert.True(_logs.Count > 20, "The capture saw almost nothing; it is not hooked up.");
        Assert.Contains("/hubs/game/negotiate", text, StringComparison.Ordinal);
        var leaks = Secrets.Append(GameHost.AdminKey).Append(GameHost.SigningKey).Append(token).Append(token.Split('.')[2])
            .Where(s => text.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Logged: " + string.Join(", ", leaks.Select(l => l[..12] + "…")));

        // At rest: the settings column holds ciphertext only.
        await using var connection = await _host.Service<Database>().OpenAsync();
        var stored = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT settings_protected FROM tenants WHERE id = 'acme'");
        Assert.DoesNotContain(Secrets, s => stored!.Contains(s, StringComparison.Ordinal));
    }

    private static object TenantBody(string signing) => new
    {
        name = "Acme",
        platform = "zendesk",
        zendesk = new { subdomain = "acme", webhookSigningSecret = signing, messagingApiKey = Secrets[1], apiEmail = "api@acme.example", apiToken = Secrets[2] },
        freshdesk = new { domain = "acme.freshdesk.com", webhookToken = Secrets[3], apiKey = Secrets[4] },
        widgetSigningSecret = Secrets[5],
    };

    private static async Task SendWebhooksAsync(HttpClient client, string secret)
    {
        var ticket = Random.Shared.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.solved", ticket)))).Dispose();
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", "wrong" + secret, ZendeskWebhooks.Trigger("ticket.solved", ticket + "1")))).Dispose();
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.unknown", ticket + "2")))).Dispose();
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, "{not json"))).Dispose();
    }

    public void Dispose() => _host.Dispose();

    private sealed class LoggingHost(CapturingLoggerProvider logs) : GameHost(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(logs));
        }
    }
}

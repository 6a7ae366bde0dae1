using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Faults;

public sealed class ScoringHealthTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task A_delivery_the_scorer_sets_aside_shows_on_ready_as_degraded_while_the_node_stays_ready()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using var client = _host.CreateClient();
        var healthy = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("healthy", healthy.GetProperty("checks").GetProperty("scoring").GetProperty("status").GetString());

        await using (var connection = await _host.Service<Database>().OpenAsync())
        {
            // A row no scorer can read, as a bug or a hand edit would leave it.
            await connection.ExecuteAsync("""
                INSERT INTO inbox (tenant_id, source, delivery_id, natural_key, kind, occurred_at_ms, received_at_ms, event_json, raw_body, headers_json, status, attempts)
                VALUES ('acme', 'zendesk', 'broken-1', 'broken-1', 'TicketSolved', 0, @Now, '{"kind": 12345', X'00', '{}', 0, 0)
                """, new { Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        }
        // A good delivery behind it: the scorer must set the broken row aside and go on.
        using (var good = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "1"))))
        {
            good.EnsureSuccessStatusCode();
        }
        using var admin = _host.AdminClient();
        await GameHost.WaitUntilAsync(async () => (await admin.GetAsync("/api/tenants/acme/agents/9001")).IsSuccessStatusCode, what: "the good delivery to be scored");

        await GameHost.WaitUntilAsync(async () =>
        {
            using var ready = await client.GetAsync("/health/ready");
            var scoring = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("scoring");
            return ready.StatusCode == HttpStatusCode.OK
                && scoring.GetProperty("status").GetString() == "degraded"
                && scoring.GetProperty("description").GetString()!.Contains("1 set aside", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(15), "the scoring check to report the unscorable row");
    }

    public void Dispose() => _host.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class ZendeskWebhookFlowTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Signed_solved_ticket_is_acknowledged_scored_and_pushed_to_the_agent()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var token = await _host.TokenAsync("acme", "agent", "9001");
        await using var hub = _host.Hub(token);
        var received = new TaskCompletionSource<System.Text.Json.JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<System.Text.Json.JsonElement>("pointsAwarded", m => received.TrySetResult(m));
        await hub.StartAsync();

        using var client = _host.CreateClient();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "501", priority: "High")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var award = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("9001", award.GetProperty("participantId").GetString());
        // 10 for the solve, x1.5 for high priority, pending until the customer rates or the quiet window passes.
        Assert.Equal("pending", award.GetProperty("entryKind").GetString());
        Assert.Equal(15, award.GetProperty("pendingPoints").GetInt32());
        Assert.Equal(0, award.GetProperty("points").GetInt32());
        Assert.StartsWith("Solved ticket #501 (pending until a rating", award.GetProperty("reason").GetString(), StringComparison.Ordinal);

        using var agent = _host.ClientWithToken(token);
        var ledger = await agent.GetFromJsonAsync<JsonElement>("/api/tenants/acme/agents/9001/ledger");
        var entry = Assert.Single(ledger.GetProperty("entries").EnumerateArray());
        Assert.Equal(15, entry.GetProperty("pendingPoints").GetInt32());
        Assert.Equal("productivity", entry.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Same_delivery_twice_and_same_fact_under_a_new_delivery_id_award_once()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var body = ZendeskWebhooks.Trigger("ticket.solved", "777", updatedAt: DateTimeOffset.Parse("2026-11-20T10:15:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var client = _host.CreateClient();

        var first = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body, invocationId: "inv-1"));
        var again = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body, invocationId: "inv-1"));
        var resent = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body, invocationId: "inv-2"));

        Assert.Equal("accepted", await StatusOf(first));
        Assert.Equal("duplicate", await StatusOf(again));
        Assert.Equal("duplicate", await StatusOf(resent));
        var token = await _host.TokenAsync("acme", "agent", "9001");
        using var agent = _host.ClientWithToken(token);
        await GameHost.WaitUntilAsync(async () => (await agent.GetAsync("/api/tenants/acme/agents/9001")).IsSuccessStatusCode, what: "the award");
        await Task.Delay(300);
        var ledger = await agent.GetFromJsonAsync<JsonElement>("/api/tenants/acme/agents/9001/ledger");
        Assert.Single(ledger.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Bad_signature_is_refused_with_a_problem_and_stores_nothing()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using var client = _host.CreateClient();
        var request = ZendeskWebhooks.SignedPost("acme", "not-the-" + secret, ZendeskWebhooks.Trigger("ticket.solved", "900"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var inbox = await SqliteCount("SELECT COUNT(*) FROM inbox");
        var deadLetters = await SqliteCount("SELECT COUNT(*) FROM dead_letters");
        Assert.Equal(0, inbox);
        Assert.Equal(0, deadLetters);
    }

    private async Task<long> SqliteCount(string sql)
    {
        await _host.InboxMovedAsync();
        await using var connection = await _host.Service<HelpdeskGamify.Connector.Storage.Database>().OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, sql);
    }

    private static async Task<string?> StatusOf(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }

    public void Dispose() => _host.Dispose();
}

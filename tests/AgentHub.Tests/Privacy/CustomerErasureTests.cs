using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Privacy;

public sealed class CustomerErasureTests : IDisposable
{
    private const string Name = "Kari Nordmann";
    private readonly GameHost _host = new();

    [Fact]
    public async Task Erasing_a_customer_removes_name_and_id_everywhere_keeps_points_under_a_pseudonym_and_is_idempotent()
    {
        await SeedAsync();
        using var admin = _host.AdminClient();
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/customers/7001/export");
        Assert.Equal(Name, before.GetProperty("displayName").GetString());
        Assert.Equal(5, before.GetProperty("points").GetInt64());
        Assert.True(before.GetProperty("events").GetArrayLength() >= 2);
        var totalBefore = await ScalarAsync("SELECT SUM(points) FROM ledger");

        using var erase = await admin.DeleteAsync("/api/admin/tenants/acme/customers/7001");
        var first = await erase.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("erased", first.GetProperty("status").GetString());
        var pseudonym = first.GetProperty("pseudonym").GetString()!;

        Assert.Empty(await StoredTextsMentioningAsync("7001", Name));
        Assert.Equal(totalBefore, await ScalarAsync("SELECT SUM(points) FROM ledger"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/tenants/acme/customers/7001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/tenants/acme/customers/7001/export")).StatusCode);
        var kept = await admin.GetFromJsonAsync<JsonElement>($"/api/tenants/acme/customers/{pseudonym}");
        Assert.Equal(5, kept.GetProperty("points").GetInt64());
        var board = await admin.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/customers?period=all");
        var ids = board.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("participantId").GetString()).ToList();
        Assert.Contains(pseudonym, ids);
        Assert.Contains("7002", ids);
        Assert.DoesNotContain("7001", ids);
        Assert.Contains("Ola H.", board.GetRawText(), StringComparison.Ordinal);

        using var again = await admin.DeleteAsync("/api/admin/tenants/acme/customers/7001");
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("nothing-to-erase", second.GetProperty("status").GetString());
        Assert.Equal(pseudonym, second.GetProperty("pseudonym").GetString());
        Assert.Equal(totalBefore, await ScalarAsync("SELECT SUM(points) FROM ledger"));
        Assert.NotEmpty(await StoredTextsMentioningAsync("7002", "Ola Hansen"));
    }

    [Fact]
    public async Task Export_returns_the_customers_ledger_and_events_and_post_erase_works_like_delete()
    {
        await SeedAsync();
        using var admin = _host.AdminClient();
        var export = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/customers/7002/export");
        Assert.Equal("7002", export.GetProperty("customerId").GetString());
        var entry = Assert.Single(export.GetProperty("ledger").EnumerateArray());
        Assert.Equal("engagement", entry.GetProperty("category").GetString());
        Assert.All(export.GetProperty("events").EnumerateArray(), e => Assert.Equal("7002", e.GetProperty("event").GetProperty("customerId").GetString()));

        using var erase = await admin.PostAsync("/api/admin/tenants/acme/customers/7002/erase", null);
        Assert.Equal("erased", (await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Empty(await StoredTextsMentioningAsync("7002", "Ola Hansen"));
    }

    [Fact]
    public async Task An_opted_out_agent_is_left_off_boards_to_everyone_but_themselves()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using (var settle = _host.AdminClient())
        {
            // Boards rank settled points; this tenant settles solves at once.
            await Scenario.SettleAtOnceAsync(settle, "acme");
        }
        using var client = _host.CreateClient();
        foreach (var (ticket, agent, name) in new[] { ("1", "9001", "Ingrid Dahl"), ("2", "9001", "Ingrid Dahl"), ("3", "9002", "Per Olsen") })
        {
            using var r = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.solved", ticket, assigneeId: agent, assigneeName: name)));
            r.EnsureSuccessStatusCode();
        }
        using var admin = _host.AdminClient();
        await GameHost.WaitUntilAsync(async () => (await admin.GetAsync("/api/tenants/acme/agents/9002")).IsSuccessStatusCode, what: "scoring");
        await ExecuteAsync("UPDATE participants SET opted_out = 1 WHERE tenant_id = 'acme' AND external_id = '9001'");

        using var colleague = _host.ClientWithToken(await _host.TokenAsync("acme", Roles.Agent, "9002"));
        var seen = await colleague.GetStringAsync("/api/tenants/acme/leaderboards/agents?period=all");
        Assert.DoesNotContain("Ingrid", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("9001", seen, StringComparison.Ordinal);
        Assert.Contains("Per Olsen", seen, StringComparison.Ordinal);
        // Within the opt-out cache's few seconds the entry is masked ("Anonymous agent"); after it, left off.

        using var self = _host.ClientWithToken(await _host.TokenAsync("acme", Roles.Agent, "9001"));
        var own = await self.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents?period=all");
        Assert.Equal("Ingrid Dahl", own.GetProperty("me").GetProperty("displayName").GetString());
    }

    private async Task SeedAsync()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using var client = _host.CreateClient();
        var bodies = new[]
        {
            ZendeskWebhooks.Trigger("ticket.solved", "11", requesterId: "7001", requesterName: Name),
            ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "11", requesterId: "7001", requesterName: Name, satisfaction: "Good"),
            ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "12", requesterId: "7002", requesterName: "Ola Hansen", satisfaction: "Good"),
        };
        foreach (var body in bodies)
        {
            using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body));
            response.EnsureSuccessStatusCode();
        }
        // An authenticated delivery we could not read, naming her: a dead letter to scrub too.
        var unreadable = ZendeskWebhooks.Trigger("ticket.bankrupted", "13", requesterId: "7001", requesterName: Name);
        using var dead = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, unreadable));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dead.StatusCode);
        using var admin = _host.AdminClient();
        await GameHost.WaitUntilAsync(async () => (await admin.GetAsync("/api/tenants/acme/customers/7002")).IsSuccessStatusCode
            && (await admin.GetAsync("/api/tenants/acme/customers/7001")).IsSuccessStatusCode, what: "scoring");
    }

    /// <summary>Every stored text (events, raw bodies, dead letters, names, board keys) that still names the person.</summary>
    private async Task<List<string>> StoredTextsMentioningAsync(string id, string name)
    {
        await using var connection = await _host.Service<Database>().OpenAsync();
        var texts = new List<string>();
        texts.AddRange(await connection.QueryAsync<string>("SELECT event_json FROM inbox"));
        texts.AddRange((await connection.QueryAsync<byte[]>("SELECT raw_body FROM inbox")).Select(b => Encoding.UTF8.GetString(b)));
        // The staging inbox too: facts not yet moved, and moved rows its next commit has not deleted yet.
        var staging = _host.Service<HelpdeskGamify.Connector.Ingest.InboxStaging>().StagingFile;
        if (File.Exists(staging))
        {
            await using var staged = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={staging};Pooling=False");
            await staged.OpenAsync();
            texts.AddRange(await staged.QueryAsync<string>("SELECT event_json FROM inbox"));
            texts.AddRange((await staged.QueryAsync<byte[]>("SELECT raw_body FROM inbox")).Select(b => Encoding.UTF8.GetString(b)));
        }
        texts.AddRange((await connection.QueryAsync<byte[]>("SELECT raw_body FROM dead_letters")).Select(b => Encoding.UTF8.GetString(b)));
        texts.AddRange(await connection.QueryAsync<string>("SELECT external_id || ' ' || COALESCE(display_name, '') FROM participants WHERE kind = 'customer'"));
        texts.AddRange(await connection.QueryAsync<string>("SELECT member_key FROM leaderboard_totals WHERE board = 'customers'"));
        return texts.Where(t => t.Contains(name, StringComparison.OrdinalIgnoreCase) || t.Contains($"\"{id}\"", StringComparison.Ordinal) || t == id || t.StartsWith(id + " ", StringComparison.Ordinal)).ToList();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _host.Service<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _host.Service<Database>().OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    public void Dispose() => _host.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.AgentHub.Tests.Ingest.WebhookAssertions;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class DeadLetterApiTests : IDisposable
{
    private const string Token = "fd-token-0123456789";
    private readonly GameHost _host = new();

    [Fact]
    public async Task A_delivery_an_older_parser_refused_is_replayed_into_the_inbox_once()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, "");
        // What an earlier connector version refused: the current parser reads it.
        var id = await AddLetterAsync("acme", "freshdesk", Fixtures.Text("freshdesk/automation-ticket-resolved.json"));
        using var admin = _host.AdminClient();

        using var replay = await admin.PostAsync($"/api/admin/tenants/acme/dead-letters/{id}/replay", null);
        using var again = await admin.PostAsync($"/api/admin/tenants/acme/dead-letters/{id}/replay", null);

        var result = await OkAsync(replay, "accepted", accepted: 1);
        Assert.Equal("replayed", result.GetProperty("deadLetter").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE tenant_id = 'acme' AND kind = 'TicketSolved'"));
        var letter = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/dead-letters/{id}");
        Assert.Equal("replayed", letter.GetProperty("status").GetString());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/dead-letters")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Replaying_a_live_dead_letter_that_is_still_wrong_answers_422_and_keeps_it_open()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, "");
        using var client = _host.CreateClient();
        using var live = await client.SendAsync(HelpdeskWebhooks.FreshdeskPost("acme", Token, HelpdeskWebhooks.FixtureBody("freshdesk/real-world-unquoted-invalid.txt")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, live.StatusCode);
        using var admin = _host.AdminClient();
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/dead-letters")).GetProperty("items")[0].GetProperty("id").GetInt64();

        using var replay = await admin.PostAsync($"/api/admin/tenants/acme/dead-letters/{id}/replay", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.Contains("not valid JSON", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("open", (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/dead-letters/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Replay_keeps_the_original_headers_and_dedupes_against_what_is_already_stored()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var body = ZendeskWebhooks.Trigger("ticket.solved", "42", updatedAt: new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero));
        using var client = _host.CreateClient();
        await OkAsync(await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body, invocationId: "inv-7")), "accepted");
        var id = await AddLetterAsync("acme", "zendesk", body, "{\"X-Zendesk-Webhook-Invocation-Id\":\"inv-7\"}");
        using var admin = _host.AdminClient();

        using var replay = await admin.PostAsync($"/api/admin/tenants/acme/dead-letters/{id}/replay", null);

        await OkAsync(replay, "duplicate", duplicates: 1);
        Assert.Equal(1, await CountAsync(_host, "SELECT COUNT(*) FROM inbox WHERE delivery_id = 'inv-7'"));
    }

    [Fact]
    public async Task Discard_by_delete_or_post_closes_the_letter_and_other_tenants_cannot_touch_it()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, "");
        await _host.CreateFreshdeskTenantAsync("globex", Token + "g", "");
        var first = await AddLetterAsync("acme", "freshdesk", "{}");
        var second = await AddLetterAsync("acme", "freshdesk", "[]");
        using var admin = _host.AdminClient();

        using var foreign = await admin.DeleteAsync($"/api/admin/tenants/globex/dead-letters/{first}");
        using var foreignGet = await admin.GetAsync($"/api/admin/tenants/globex/dead-letters/{first}");
        using var deleted = await admin.DeleteAsync($"/api/admin/tenants/acme/dead-letters/{first}");
        using var posted = await admin.PostAsync($"/api/admin/tenants/acme/dead-letters/{second}/discard", null);
        using var twice = await admin.DeleteAsync($"/api/admin/tenants/acme/dead-letters/{first}");
        using var replayDiscarded = await admin.PostAsync($"/api/admin/tenants/acme/dead-letters/{second}/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignGet.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replayDiscarded.StatusCode);
        Assert.Equal("discarded", (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/dead-letters/{second}")).GetProperty("status").GetString());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/dead-letters")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Dead_letter_routes_need_the_admin_key()
    {
        await _host.CreateFreshdeskTenantAsync("acme", Token, "");
        var id = await AddLetterAsync("acme", "freshdesk", "{}");
        var token = await _host.TokenAsync("acme", "teamlead", "1");
        using var anonymous = _host.CreateClient();
        using var teamLead = _host.ClientWithToken(token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/admin/tenants/acme/dead-letters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teamLead.PostAsync($"/api/admin/tenants/acme/dead-letters/{id}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teamLead.DeleteAsync($"/api/admin/tenants/acme/dead-letters/{id}")).StatusCode);
    }

    private async Task<long> AddLetterAsync(string tenant, string source, string body, string headers = "{}")
    {
        await _host.Service<DeadLetterStore>().AddAsync(new DeadLetter
        {
            TenantId = tenant,
            Source = source,
            Reason = "Refused by an earlier version.",
            RawBody = Encoding.UTF8.GetBytes(body),
            HeadersJson = headers,
            ReceivedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        });
        return await CountAsync(_host, "SELECT MAX(id) FROM dead_letters WHERE tenant_id = @tenant", new { tenant });
    }

    public void Dispose() => _host.Dispose();
}

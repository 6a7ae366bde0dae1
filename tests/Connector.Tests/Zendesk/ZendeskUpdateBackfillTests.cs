using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpdeskGamify.Connector.Tests.Fakes;
using HelpdeskGamify.Connector.Tests.HelpdeskApi;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Zendesk;

public sealed class ZendeskUpdateBackfillTests : IAsyncLifetime
{
    private const string Secret = "event-secret-0123456789abcdef";
    // Ten seconds into a minute, so a webhook's fractional time falls in the same minute as the export's whole second.
    private static readonly DateTimeOffset T1 = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks - DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero)
        .AddDays(-2).AddSeconds(10);
    private static readonly DateTimeOffset Reopened = T1.AddHours(5);
    private ConnectHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await ConnectHarness.StartAsync();
        var z = _h.Zendesk;
        z.Users.AddRange([new ZdUserRow(1, "Ada Admin", "admin"), new ZdUserRow(9001, "Ingrid Dahl", "agent"), new ZdUserRow(9002, "Olav Berg", "agent"),
            new ZdUserRow(7001, "Kari Nordmann", "end-user")]);
        z.TicketEvents.AddRange([
            new ZdTicketEventRow(1, 601, T1, 9001, [ZdChildRow.Comment(11, 9001), ZdChildRow.Comment(12, 7001)]), // the customer's comment is no reply
            new ZdTicketEventRow(2, 601, T1.AddMinutes(30), 9001, [ZdChildRow.Comment(13, 9001, isPublic: false)]), // an internal note neither
            new ZdTicketEventRow(3, 601, T1.AddHours(2), 9001, [ZdChildRow.StatusChange(31, "open", "solved")]),
            new ZdTicketEventRow(4, 601, Reopened, 7001, [ZdChildRow.StatusChange(41, "solved", "open"), ZdChildRow.Comment(14, 9002)]),
            new ZdTicketEventRow(5, 601, T1.AddDays(-20), 9001, [ZdChildRow.Comment(15, 9001)]), // before the window
        ]);
        await _h.CreateZendeskTenantAsync("acme");
        using var admin = _h.Host.AdminClient();
        (await admin.PutAsJsonAsync("/api/admin/tenants/acme", new { name = "Acme", platform = "zendesk", zendesk = new { webhookSigningSecret = Secret } }))
            .EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string Event(string fixture, string eventId, DateTimeOffset at, Action<JsonNode> change)
    {
        var body = JsonNode.Parse(HelpdeskWebhooks.FixtureBody(fixture))!;
        body["id"] = eventId;
        body["subject"] = "zen:ticket:601";
        body["time"] = at.AddMilliseconds(456).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        body["detail"]!["id"] = "601";
        body["detail"]!["assignee_id"] = "9001";
        body["detail"]!["requester_id"] = "7001";
        change(body);
        return body.ToJsonString();
    }

    private async Task<string> DeliverAsync(string body)
    {
        using var client = _h.Host.CreateClient();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", Secret, body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }

    private static string Reply11 => Event("zendesk/event-ticket-comment-added.json", "evt-comment-11", T1, b =>
    {
        b["event"]!["comment"]!["id"] = "11";
        b["event"]!["comment"]!["author"]!["id"] = "9001";
    });

    private static string Reopen => Event("zendesk/event-ticket-status-changed.json", "evt-reopen", Reopened, b =>
    {
        b["detail"]!["status"] = "OPEN";
        b["event"] = new JsonObject { ["previous"] = "SOLVED", ["current"] = "OPEN" };
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Backfill_reconstructs_agent_replies_and_reopens_that_webhooks_report_once_in_either_order(bool backfillFirst)
    {
        JsonElement result;
        if (backfillFirst)
        {
            result = await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 7 });
            Assert.Equal("duplicate", await DeliverAsync(Reply11));
            Assert.Equal("duplicate", await DeliverAsync(Reopen));
            Assert.Equal(3, result.GetProperty("accepted").GetInt32()); // replies 11 and 14, the reopen
        }
        else
        {
            Assert.Equal("accepted", await DeliverAsync(Reply11));
            Assert.Equal("accepted", await DeliverAsync(Reopen));
            result = await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 7 });
            Assert.Equal(1, result.GetProperty("accepted").GetInt32()); // reply 14 only
        }

        var kinds = await _h.QueryAsync<string>("SELECT kind FROM inbox WHERE tenant_id = 'acme' ORDER BY occurred_at_ms, kind");
        Assert.Equal(["TicketAgentReplied", "TicketAgentReplied", "TicketReopened"], kinds); // reply 14 came with the reopen
        var keys = await _h.QueryAsync<string>("SELECT natural_key FROM inbox WHERE tenant_id = 'acme' AND kind = 'TicketAgentReplied' ORDER BY occurred_at_ms");
        Assert.Equal(["zendesk|TicketAgentReplied|t:601|m:11", "zendesk|TicketAgentReplied|t:601|m:14"], keys);
        // Time-based pages of two, each starting at the previous page's last second: three requests for four updates.
        var pages = _h.Zendesk.To("GET", "/api/v2/incremental/ticket_events.json");
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("include=comment_events", p.Query, StringComparison.Ordinal));
        var again = await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 7 });
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Reopens_and_replies_are_scored_like_delivered_ones()
    {
        await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 7 });
        await _h.ScoredAsync();

        var replies = await _h.QueryAsync<string>("SELECT event_json FROM inbox WHERE tenant_id = 'acme' AND kind = 'TicketAgentReplied' ORDER BY occurred_at_ms");
        var events = replies.Select(Connector.Events.EventJson.Deserialize).ToList();
        Assert.Equal([("9001", "Ingrid Dahl"), ("9002", "Olav Berg")], events.Select(e => (e.AgentId!, e.AgentName!)));
        Assert.Equal(0, (await _h.QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE tenant_id = 'acme' AND status = 0"))[0]);
    }
}

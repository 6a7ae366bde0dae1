using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Tests.Fakes;
using HelpdeskGamify.Connector.Tests.HelpdeskApi;

namespace HelpdeskGamify.Connector.Tests.Freshdesk;

public sealed class FreshdeskConnectTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private ConnectHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await ConnectHarness.StartAsync();
        var f = _h.Freshdesk;
        f.Agents.AddRange([
            new FdAgentRow(501, "Ingrid Dahl", "Ingrid@Fresh.example", "https://cdn.example/ingrid.png"),
            new FdAgentRow(502, "Olav Berg", "olav@fresh.example"),
            new FdAgentRow(503, "Nils Lie", "nils@fresh.example", Active: false),
        ]);
        f.Groups.AddRange([(30, "Tier 1", [501, 502]), (31, "Billing", [502]), (32, "Empty", [])]);
        f.Contacts.AddRange([new FdContactRow(801, "Kari Nordmann", "kari@customer.example", ["vip"]), new FdContactRow(802, "Per Hansen", "per@customer.example")]);
        await _h.CreateFreshdeskTenantAsync("fresh");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Setup_verifies_the_key_creates_a_webhook_token_once_and_returns_the_rules_to_paste()
    {
        var first = await _h.PostAdminAsync("/api/admin/tenants/fresh/setup", new { publicUrl = "https://gamify.example.com" });
        var token = (await _h.TenantAsync("fresh")).Settings.Freshdesk!.WebhookToken;
        var second = await _h.PostAdminAsync("/api/admin/tenants/fresh/setup", new { publicUrl = "https://gamify.example.com" });

        Assert.NotNull(token);
        Assert.Equal(1, first.GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(token, (await _h.TenantAsync("fresh")).Settings.Freshdesk!.WebhookToken);
        var rules = first.GetProperty("manualSteps").EnumerateArray().Take(4).ToList();
        var events = new List<string?>();
        foreach (var rule in rules)
        {
            Assert.Equal("https://gamify.example.com/webhooks/freshdesk/fresh", rule.GetProperty("webhookUrl").GetString());
            Assert.Equal(token, rule.GetProperty("headers").GetProperty("X-Webhook-Token").GetString());
            var rendered = System.Text.RegularExpressions.Regex.Replace(rule.GetProperty("body").GetString()!, @"\{\{[^}]+\}\}", "x");
            var body = JsonDocument.Parse(rendered).RootElement;
            Assert.Equal("helpdeskgamify.freshdesk/1", body.GetProperty("schema").GetString());
            events.Add(body.GetProperty("event").GetString());
        }
        Assert.Equal(["ticket.created", "ticket.resolved", "ticket.reopened", "ticket.agent_replied"], events);
        // Once stored, the token is write-only: the second report does not show it.
        Assert.DoesNotContain(token, second.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, _h.Freshdesk.To("GET", "/api/v2/agents/me").Count);
    }

    [Fact]
    public async Task Setup_with_a_refused_key_answers_502_and_changes_nothing()
    {
        await _h.CreateFreshdeskTenantAsync("wrong", apiKey: "not-the-key");

        await _h.PostAdminAsync("/api/admin/tenants/wrong/setup", new { publicUrl = "https://gamify.example.com" }, 502);

        Assert.Null((await _h.TenantAsync("wrong")).Settings.Freshdesk!.WebhookToken);
    }

    [Fact]
    public async Task Directory_sync_follows_link_pages_and_keys_agents_by_email_like_the_webhooks()
    {
        var result = await _h.PostAdminAsync("/api/admin/tenants/fresh/directory-sync", new { });

        Assert.Equal(2, result.GetProperty("agents").GetInt32());
        Assert.Equal(3, result.GetProperty("groups").GetInt32());
        Assert.Equal(2, _h.Freshdesk.To("GET", "/api/v2/agents").Count);
        Assert.Equal(2, _h.Freshdesk.To("GET", "/api/v2/groups").Count);
        var participants = _h.Host.Service<ParticipantStore>();
        var ingrid = await participants.FindAsync("fresh", "agent", "ingrid@fresh.example");
        Assert.Equal(("Ingrid Dahl", "Tier 1"), (ingrid!.DisplayName, ingrid.Team));
        Assert.Equal("https://cdn.example/ingrid.png", await _h.Host.Service<DirectoryStore>().AvatarAsync("fresh", "agent", "ingrid@fresh.example"));
        Assert.Null(await participants.FindAsync("fresh", "agent", "nils@fresh.example"));
    }

    [Fact]
    public async Task Backfill_imports_resolutions_with_stats_and_ratings_and_they_are_scored()
    {
        var created = Now.AddDays(-2);
        _h.Freshdesk.Tickets.AddRange([
            new FdTicketRow(1001, 4, 501, 801, created, created.AddHours(3), created.AddHours(3), created.AddMinutes(20), Priority: 3),
            new FdTicketRow(1002, 2, 502, 802, created, created.AddHours(1)),
            new FdTicketRow(1003, 5, 502, 802, created, created.AddDays(1), created.AddDays(1), created.AddHours(6)),
        ]);
        _h.Freshdesk.Ratings.Add(new FdRatingRow(61, 1001, 501, 801, 103, created.AddHours(4), "Great support!"));

        var result = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });

        Assert.Equal(6, result.GetProperty("accepted").GetInt32()); // 3 created, 2 resolved, 1 rating
        await _h.ScoredAsync();
        var rows = await _h.QueryAsync<string>("SELECT event_json FROM inbox WHERE tenant_id = 'fresh' ORDER BY id");
        var events = rows.Select(EventJson.Deserialize).ToList();
        var solve = Assert.Single(events, e => e.Kind == HelpdeskEventKind.TicketSolved && e.TicketId == "1001");
        Assert.Equal(("ingrid@fresh.example", "kari@customer.example"), (solve.AgentId, solve.CustomerId));
        Assert.Equal((1200L, 10800L), (solve.FirstReplySeconds!.Value, solve.ResolutionSeconds!.Value));
        Assert.Equal("high", solve.Priority);
        var rating = Assert.Single(events, e => e.Kind == HelpdeskEventKind.SatisfactionRated);
        Assert.Equal((SatisfactionRating.Good, "Great support!"), (rating.Rating, rating.RatingComment));
        var reasons = await _h.QueryAsync<string>(
            "SELECT l.reason FROM ledger l JOIN participants p ON p.id = l.participant_id WHERE l.tenant_id = 'fresh' AND p.external_id = 'ingrid@fresh.example'");
        Assert.Contains(reasons, r => r == "Solved ticket #1001" || r.StartsWith("Solved ticket #1001 (", StringComparison.Ordinal));
        Assert.Contains("Good rating on ticket #1001", reasons);
        var again = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });
        Assert.Equal((0, 6), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
    }

    [Fact]
    public async Task Backfill_leaves_out_a_resolution_an_automation_webhook_already_delivered()
    {
        var resolved = Now.AddDays(-1);
        _h.Freshdesk.Tickets.Add(new FdTicketRow(1001, 4, 501, 801, resolved.AddHours(-2), resolved, resolved));
        // The key shape the Freshdesk webhook source gives an automation delivery, received 3 minutes after the fact.
        var key = "freshdesk|t:1001|" + resolved.AddMinutes(3).UtcDateTime.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture)
            + "|TicketSolved|0123456789abcdef";
        await _h.Host.Service<InboxWriter>().AppendAsync([new InboxItem("fresh", "freshdesk", "sha256:x", key, "TicketSolved",
            resolved.AddMinutes(3).ToUnixTimeMilliseconds(), resolved.AddMinutes(3).ToUnixTimeMilliseconds(),
            EventJson.Serialize(new HelpdeskEvent { Source = "freshdesk", Kind = HelpdeskEventKind.TicketSolved, OccurredAt = resolved.AddMinutes(3), TicketId = "1001" }),
            [], "{}")], CancellationToken.None);

        var result = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });

        Assert.Equal(1, result.GetProperty("accepted").GetInt32()); // the creation only: the resolution was already delivered
        Assert.Empty(await _h.QueryAsync<long>("SELECT id FROM inbox WHERE tenant_id = 'fresh' AND kind = 'TicketSolved' AND delivery_id LIKE 'api:%'"));
        Assert.False(await _h.Host.Service<FreshdeskWebhookProbe>().DeliveredAsync("fresh", "1001", HelpdeskEventKind.TicketSolved, resolved.AddDays(-3), CancellationToken.None));
        Assert.False(await _h.Host.Service<FreshdeskWebhookProbe>().DeliveredAsync("other", "1001", HelpdeskEventKind.TicketSolved, resolved, CancellationToken.None));
    }

    [Fact]
    public async Task A_resolution_delivered_by_the_real_automation_webhook_is_not_imported_again()
    {
        await _h.CreateFreshdeskTenantAsync("fresh", webhookToken: "fd-webhook-token-0123456789");
        var body = FreshdeskAutomationRules.Body("ticket.resolved")
            .Replace("{{ticket.id}}", "1001", StringComparison.Ordinal).Replace("{{ticket.status}}", "Resolved", StringComparison.Ordinal)
            .Replace("{{ticket.priority}}", "Medium", StringComparison.Ordinal).Replace("{{ticket.source}}", "Email", StringComparison.Ordinal)
            .Replace("{{ticket.tags}}", "", StringComparison.Ordinal).Replace("{{ticket.group.name}}", "Tier 1", StringComparison.Ordinal)
            .Replace("{{ticket.agent.email}}", "Ingrid@Fresh.example", StringComparison.Ordinal).Replace("{{ticket.agent.name}}", "Ingrid Dahl", StringComparison.Ordinal)
            .Replace("{{ticket.requester.email}}", "kari@customer.example", StringComparison.Ordinal).Replace("{{ticket.requester.name}}", "Kari Nordmann", StringComparison.Ordinal)
            .Replace("{{triggered_event}}", "{status:{from:2,to:4}}", StringComparison.Ordinal);
        using var client = _h.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/freshdesk/fresh") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Webhook-Token", "fd-webhook-token-0123456789");
        using var delivered = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, delivered.StatusCode);
        var resolved = DateTimeOffset.UtcNow.AddMinutes(-2);
        _h.Freshdesk.Tickets.Add(new FdTicketRow(1001, 4, 501, 801, resolved.AddDays(-20), resolved, resolved));

        var result = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });

        Assert.Equal(0, result.GetProperty("accepted").GetInt32());
        await _h.ScoredAsync();
        var solves = await _h.QueryAsync<string>(
            "SELECT p.external_id FROM ledger l JOIN participants p ON p.id = l.participant_id WHERE l.tenant_id = 'fresh' AND l.rule_id = 'agent.ticket-solved'");
        Assert.Equal(["ingrid@fresh.example"], solves); // one solve, credited to the same person the API names by id 501
    }

    /// <summary>Our automation template as Freshdesk renders it for ticket 1001 resolved by Ingrid for Kari.</summary>
    private static string Automation(string eventName, string status) => FreshdeskAutomationRules.Body(eventName)
        .Replace("{{ticket.id}}", "1001", StringComparison.Ordinal).Replace("{{ticket.status}}", status, StringComparison.Ordinal)
        .Replace("{{ticket.priority}}", "Medium", StringComparison.Ordinal).Replace("{{ticket.source}}", "Email", StringComparison.Ordinal)
        .Replace("{{ticket.tags}}", "", StringComparison.Ordinal).Replace("{{ticket.group.name}}", "Tier 1", StringComparison.Ordinal)
        .Replace("{{ticket.agent.email}}", "Ingrid@Fresh.example", StringComparison.Ordinal).Replace("{{ticket.agent.name}}", "Ingrid Dahl", StringComparison.Ordinal)
        .Replace("{{ticket.requester.email}}", "kari@customer.example", StringComparison.Ordinal).Replace("{{ticket.requester.name}}", "Kari Nordmann", StringComparison.Ordinal)
        .Replace("{{triggered_event}}", "{status:{from:2,to:4}}", StringComparison.Ordinal);

    private async Task<string> DeliverAsync(string eventName, string status)
    {
        using var client = _h.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/freshdesk/fresh")
        {
            Content = new StringContent(Automation(eventName, status), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Webhook-Token", "fd-webhook-token-0123456789");
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString()!;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Backfill_and_automation_webhooks_of_one_ticket_leave_one_creation_and_one_resolution_in_either_order(bool backfillFirst)
    {
        await _h.CreateFreshdeskTenantAsync("fresh", webhookToken: "fd-webhook-token-0123456789");
        var resolved = DateTimeOffset.UtcNow.AddMinutes(-2);
        _h.Freshdesk.Tickets.Add(new FdTicketRow(1001, 4, 501, 801, resolved.AddHours(-3), resolved, resolved));

        if (backfillFirst)
        {
            var imported = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });
            Assert.Equal(2, imported.GetProperty("accepted").GetInt32());
            Assert.Equal("duplicate", await DeliverAsync("ticket.created", "Open"));
            Assert.Equal("duplicate", await DeliverAsync("ticket.resolved", "Resolved"));
        }
        else
        {
            Assert.Equal("accepted", await DeliverAsync("ticket.created", "Open"));
            Assert.Equal("accepted", await DeliverAsync("ticket.resolved", "Resolved"));
            var imported = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });
            Assert.Equal(0, imported.GetProperty("accepted").GetInt32());
        }

        Assert.Equal(["TicketCreated", "TicketSolved"], await _h.QueryAsync<string>("SELECT kind FROM inbox WHERE tenant_id = 'fresh' ORDER BY kind"));
        await _h.ScoredAsync();
        var solves = await _h.QueryAsync<string>(
            "SELECT p.external_id FROM ledger l JOIN participants p ON p.id = l.participant_id WHERE l.tenant_id = 'fresh' AND l.rule_id = 'agent.ticket-solved'");
        Assert.Equal(["ingrid@fresh.example"], solves);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Backfill_reconstructs_agents_public_replies_and_a_reply_webhook_counts_once_in_either_order(bool backfillFirst)
    {
        await _h.CreateFreshdeskTenantAsync("fresh", webhookToken: "fd-webhook-token-0123456789");
        var now = DateTimeOffset.UtcNow;
        _h.Freshdesk.Tickets.Add(new FdTicketRow(1001, 2, 501, 801, now.AddHours(-5), now.AddMinutes(-1)));
        _h.Freshdesk.Conversations.AddRange([
            new FdConversationRow(71, 1001, 501, now.AddHours(-3).AddMinutes(-30)),
            new FdConversationRow(72, 1001, 801, now.AddHours(-3), Incoming: true), // the customer writes back
            new FdConversationRow(73, 1001, 502, now.AddHours(-2), Private: true), // an internal note
            new FdConversationRow(74, 1001, 502, now.AddMinutes(-2)),
        ]);

        if (backfillFirst)
        {
            var imported = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });
            Assert.Equal(3, imported.GetProperty("accepted").GetInt32()); // created, replies 71 and 74
            Assert.Equal("duplicate", await DeliverAsync("ticket.agent_replied", "Open"));
        }
        else
        {
            Assert.Equal("accepted", await DeliverAsync("ticket.agent_replied", "Open"));
            var imported = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });
            Assert.Equal(2, imported.GetProperty("accepted").GetInt32()); // created, and the reply the delivery does not account for
        }

        Assert.Equal(2, (await _h.QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE tenant_id = 'fresh' AND kind = 'TicketAgentReplied'"))[0]);
        var again = await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        // Two conversations per page: each run read two pages.
        Assert.Equal(4, _h.Freshdesk.To("GET", "/api/v2/tickets/1001/conversations").Count);
        var agents = (await _h.QueryAsync<string>("SELECT event_json FROM inbox WHERE tenant_id = 'fresh' AND kind = 'TicketAgentReplied' AND delivery_id LIKE 'api:%'"))
            .Select(j => EventJson.Deserialize(j).AgentId).ToList();
        Assert.All(agents, a => Assert.Contains(a, new[] { "ingrid@fresh.example", "olav@fresh.example" }));
    }

    [Fact]
    public async Task A_resolution_delivered_after_a_reopen_that_followed_the_imported_one_is_new()
    {
        await _h.CreateFreshdeskTenantAsync("fresh", webhookToken: "fd-webhook-token-0123456789");
        var resolved = DateTimeOffset.UtcNow.AddHours(-2);
        _h.Freshdesk.Tickets.Add(new FdTicketRow(1001, 4, 501, 801, resolved.AddHours(-3), resolved, resolved));
        await _h.PostAdminAsync("/api/admin/tenants/fresh/backfill", new { days = 7 });

        Assert.Equal("accepted", await DeliverAsync("ticket.reopened", "Open"));
        Assert.Equal("accepted", await DeliverAsync("ticket.resolved", "Resolved"));

        Assert.Equal(2, (await _h.QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE tenant_id = 'fresh' AND kind = 'TicketSolved'"))[0]);
    }

    [Theory]
    [InlineData(103, SatisfactionRating.Good)]
    [InlineData(102, SatisfactionRating.Good)]
    [InlineData(101, SatisfactionRating.Good)]
    [InlineData(100, SatisfactionRating.Neutral)]
    [InlineData(-101, SatisfactionRating.Bad)]
    [InlineData(-103, SatisfactionRating.Bad)]
    [InlineData(0, SatisfactionRating.None)]
    [InlineData(104, SatisfactionRating.None)]
    public void Csat_answers_map_to_good_neutral_and_bad(int value, SatisfactionRating expected) =>
        Assert.Equal(expected, FreshdeskRatings.Map(value));

    [Fact]
    public async Task Csat_poller_imports_new_ratings_and_remembers_where_it_got_to()
    {
        var f = _h.Freshdesk;
        f.Ratings.AddRange([
            new FdRatingRow(61, 1001, 501, 801, 103, Now.AddHours(-5), "Great support!"),
            new FdRatingRow(62, 1002, 502, 802, 100, Now.AddHours(-4)),
            new FdRatingRow(63, 1003, 502, 802, -103, Now.AddHours(-3), "Slow"),
        ]);
        var poller = _h.Host.Service<FreshdeskCsatPoller>();
        var tenant = await _h.TenantAsync("fresh");

        var first = await poller.PollTenantAsync(tenant, CancellationToken.None);
        var cursor = await _h.Host.Service<CursorStore>().GetAsync("fresh", FreshdeskCsatPoller.CursorName);
        var second = await poller.PollTenantAsync(tenant, CancellationToken.None);
        f.Ratings.Add(new FdRatingRow(64, 1004, 501, 801, 102, Now.AddHours(-1)));
        var third = await poller.PollTenantAsync(tenant, CancellationToken.None);

        Assert.Equal(new ImportCounts(3, 0), first);
        Assert.Equal(Now.AddHours(-3).ToString("O"), DateTimeOffset.Parse(cursor!, System.Globalization.CultureInfo.InvariantCulture).ToOffset(Now.Offset).ToString("O"));
        Assert.Equal(new ImportCounts(0, 1), second); // the inclusive cursor returns the newest once more
        Assert.Equal(new ImportCounts(1, 1), third);
        var ratings = (await _h.QueryAsync<string>("SELECT event_json FROM inbox WHERE tenant_id = 'fresh' ORDER BY id")).Select(EventJson.Deserialize).ToList();
        Assert.Equal([SatisfactionRating.Good, SatisfactionRating.Neutral, SatisfactionRating.Bad, SatisfactionRating.Good], ratings.Select(r => r.Rating));
        Assert.Equal(["ingrid@fresh.example", "olav@fresh.example", "olav@fresh.example", "ingrid@fresh.example"], ratings.Select(r => r.AgentId));
        var since = f.To("GET", "/api/v2/surveys/satisfaction_ratings").Select(r => r.Query).ToList();
        Assert.NotEqual(since[0], since[1]);
        // A contact is looked up once per poll, whatever the number of their ratings (802 rated twice in the first poll).
        Assert.Equal(3, f.To("GET", "/api/v2/contacts/802").Count);
    }

    [Fact]
    public async Task Csat_poller_waits_out_a_429_with_Retry_After()
    {
        _h.Freshdesk.Ratings.Add(new FdRatingRow(61, 1001, 501, 801, 103, Now.AddHours(-5)));
        _h.Freshdesk.Throttle("/api/v2/surveys/satisfaction_ratings", 1, retryAfterSeconds: 1);

        var counts = await _h.Host.Service<FreshdeskCsatPoller>().PollTenantAsync(await _h.TenantAsync("fresh"), CancellationToken.None);

        Assert.Equal(1, counts.Accepted);
        var calls = _h.Freshdesk.To("GET", "/api/v2/surveys/satisfaction_ratings");
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task Write_back_keeps_existing_tags_adds_priority_service_and_raises_open_tickets()
    {
        _h.Freshdesk.Tickets.AddRange([
            new FdTicketRow(2001, 2, 501, 801, Now, Now, Priority: 1),
            new FdTicketRow(2002, 3, 501, 801, Now, Now, Priority: 4),
            new FdTicketRow(2003, 4, 501, 801, Now, Now, Priority: 1),
            new FdTicketRow(2004, 2, 501, 802, Now, Now, Priority: 1),
        ]);

        var result = await _h.Host.Service<IHelpdeskWriteBack>().PrioritizeCustomerAsync("fresh", "kari@customer.example", CancellationToken.None);

        Assert.Equal(new WriteBackResult(true, 1), result);
        var contact = Assert.Single(_h.Freshdesk.ContactUpdates);
        Assert.Equal(801, contact.ContactId);
        Assert.Equal(["vip", "priority_service"], contact.Body["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var ticket = Assert.Single(_h.Freshdesk.TicketUpdates);
        Assert.Equal((2001L, 3), (ticket.TicketId, ticket.Body["priority"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Write_back_for_an_unknown_customer_changes_nothing()
    {
        var result = await _h.Host.Service<IHelpdeskWriteBack>().PrioritizeCustomerAsync("fresh", "nobody@customer.example", CancellationToken.None);

        Assert.Equal(new WriteBackResult(false, 0), result);
        Assert.Empty(_h.Freshdesk.ContactUpdates);
        Assert.Empty(_h.Freshdesk.TicketUpdates);
    }
}

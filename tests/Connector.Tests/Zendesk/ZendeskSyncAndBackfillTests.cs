using System.Net;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Tests.Fakes;
using HelpdeskGamify.Connector.Tests.HelpdeskApi;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Zendesk;

public sealed class ZendeskSyncAndBackfillTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private ConnectHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await ConnectHarness.StartAsync();
        var z = _h.Zendesk;
        z.Users.AddRange([
            new ZdUserRow(1, "Ada Admin", "admin", "https://cdn.example/ada.png"),
            new ZdUserRow(9001, "Ingrid Dahl", "agent", "https://cdn.example/ingrid.png", DefaultGroupId: 20),
            new ZdUserRow(9002, "Olav Berg", "agent", null),
            new ZdUserRow(9003, "Gone Agent", "agent", Active: false),
            new ZdUserRow(7001, "Kari Nordmann", "end-user"),
        ]);
        z.Groups.AddRange([(20, "Tier 1"), (21, "Billing")]);
        z.Memberships.AddRange([(9002, 20, false), (9002, 21, true)]);
        await _h.CreateZendeskTenantAsync("acme");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Directory_sync_stores_active_agents_with_names_teams_and_avatars_across_pages()
    {
        var result = await _h.PostAdminAsync("/api/admin/tenants/acme/directory-sync", new { });

        Assert.Equal(3, result.GetProperty("agents").GetInt32());
        Assert.Equal(2, result.GetProperty("groups").GetInt32());
        var participants = _h.Host.Service<ParticipantStore>();
        var ingrid = await participants.FindAsync("acme", "agent", "9001");
        Assert.Equal(("Ingrid Dahl", "Tier 1"), (ingrid!.DisplayName, ingrid.Team));
        var olav = await participants.FindAsync("acme", "agent", "9002");
        Assert.Equal("Billing", olav!.Team); // the default membership wins over the first one
        Assert.Null(await participants.FindAsync("acme", "agent", "9003"));
        Assert.Null(await participants.FindAsync("acme", "agent", "7001"));
        var directory = _h.Host.Service<DirectoryStore>();
        Assert.Equal("https://cdn.example/ingrid.png", await directory.AvatarAsync("acme", "agent", "9001"));
        Assert.Equal("https://cdn.example/ada.png", await directory.AvatarAsync("acme", "agent", "1"));
        // Two agents per page: the agent list needed two requests.
        Assert.Equal(2, _h.Zendesk.To("GET", "/api/v2/users").Count(r => r.Query.Contains("role=agent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Backfill_imports_solves_with_metrics_and_ratings_across_cursor_pages_and_they_are_scored()
    {
        var z = _h.Zendesk;
        var created = Now.AddDays(-3);
        z.Tickets.AddRange([
            new ZdTicketRow(501, "solved", 9001, 7001, created, created.AddHours(2), created.AddHours(2), ReplyMinutes: 10, ResolutionMinutes: 120, Priority: "high"),
            new ZdTicketRow(502, "closed", 9002, 7001, created, created.AddDays(1), created.AddDays(1), ReplyMinutes: 30, ResolutionMinutes: 1440),
            new ZdTicketRow(503, "open", 9001, 7001, created.AddHours(1), created.AddHours(1)),
            new ZdTicketRow(504, "solved", 9001, 7001, Now.AddDays(-60), Now.AddDays(-2), Now.AddDays(-2), ResolutionMinutes: 50000),
            new ZdTicketRow(505, "new", null, 7001, Now.AddDays(-1), Now.AddDays(-1)),
        ]);
        z.Ratings.Add(new ZdRatingRow(80, 501, 9001, 7001, "good", created.AddHours(5), "Quick and kind"));
        z.Ratings.Add(new ZdRatingRow(81, 502, 9002, 7001, "offered", created.AddHours(5)));

        var result = await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 7 });

        // created 501, 502, 503, 505 (504 was created before the window); solved 501, 502, 504; one good rating.
        Assert.Equal(8, result.GetProperty("accepted").GetInt32());
        Assert.Equal(3, z.To("GET", "/api/v2/incremental/tickets/cursor.json").Count);
        await _h.ScoredAsync();
        var token = await _h.Host.TokenAsync("acme", "teamlead", "lead");
        using var lead = _h.Host.ClientWithToken(token);
        var ledger = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(lead, "/api/tenants/acme/agents/9001/ledger");
        var reasons = ledger.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToList();
        Assert.Contains(reasons, r => r == "Solved ticket #501" || r!.StartsWith("Solved ticket #501 (", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r == "Solved ticket #501 within four hours" || r!.StartsWith("Solved ticket #501 within four hours (", StringComparison.Ordinal));
        Assert.Contains("Good rating on ticket #501", reasons);
        Assert.Contains(reasons, r => r == "Solved ticket #504" || r!.StartsWith("Solved ticket #504 (", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r!.StartsWith("Solved ticket #504 within four hours", StringComparison.Ordinal));
        var ingrid = await _h.Host.Service<ParticipantStore>().FindAsync("acme", "agent", "9001");
        Assert.Equal("Ingrid Dahl", ingrid!.DisplayName); // names come with the export's side-loaded users
    }

    [Fact]
    public async Task A_solve_and_a_rating_already_delivered_by_webhook_are_duplicates_and_a_rerun_imports_nothing()
    {
        var solvedAt = new DateTimeOffset(Now.Year, Now.Month, Now.Day, 8, 30, 41, TimeSpan.Zero).AddDays(-1);
        var secret = "trigger-secret-0123456789abcdef";
        using (var admin = _h.Host.AdminClient())
        {
            using var put = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(admin, "/api/admin/tenants/acme",
                new { name = "Acme", platform = "zendesk", zendesk = new { webhookSigningSecret = secret } });
            put.EnsureSuccessStatusCode();
        }
        using var client = _h.Host.CreateClient();
        using var delivered = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret,
            ZendeskWebhooks.Trigger("ticket.solved", "501", updatedAt: solvedAt)));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        var ratedAt = solvedAt.AddHours(3).AddSeconds(12);
        using var rated = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret,
            ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "501", satisfaction: "Good", updatedAt: ratedAt)));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        _h.Zendesk.Tickets.Add(new ZdTicketRow(501, "solved", 9001, 7001, solvedAt.AddDays(-30), solvedAt, solvedAt, ResolutionMinutes: 100));
        _h.Zendesk.Ratings.Add(new ZdRatingRow(90, 501, 9001, 7001, "good", ratedAt));

        var first = await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 7 });
        var second = await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 7 });

        Assert.Equal((0, 2), (first.GetProperty("accepted").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        Assert.Equal((0, 2), (second.GetProperty("accepted").GetInt32(), second.GetProperty("duplicates").GetInt32()));
        await _h.ScoredAsync();
        // The engine writes the solve as pending, then its release on the rating: one holding per rule, summed once.
        var solves = await _h.QueryAsync<long>("SELECT SUM(points) FROM ledger WHERE tenant_id = 'acme' AND rule_id IN ('agent.ticket-solved', 'agent.good-rating')");
        Assert.Equal(25, solves[0]);
    }

    [Fact]
    public async Task Cli_sync_and_backfill_verbs_print_their_results()
    {
        _h.Zendesk.Tickets.Add(new ZdTicketRow(501, "solved", 9001, 7001, Now.AddDays(-2), Now.AddDays(-1), Now.AddDays(-1), ResolutionMinutes: 60));
        using var output = new StringWriter();

        var sync = await AgentHub.Cli.ConnectCommand.RunAsync(_h.Host.Services, ["sync", "--tenant", "acme"], output);
        var backfill = await AgentHub.Cli.ConnectCommand.RunAsync(_h.Host.Services, ["backfill", "--tenant", "acme", "--days", "5"], output);
        var tooLong = await AgentHub.Cli.ConnectCommand.RunAsync(_h.Host.Services, ["backfill", "--tenant", "acme", "--days", "365"], output);

        Assert.Equal((0, 0, 2), (sync, backfill, tooLong));
        var text = output.ToString();
        Assert.Contains("\"agents\": 3", text, StringComparison.Ordinal);
        Assert.Contains("\"accepted\": 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_days_out_of_range_is_a_validation_problem()
    {
        await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 0 }, 400);
        await _h.PostAdminAsync("/api/admin/tenants/acme/backfill", new { days = 91 }, 400);
        await _h.PostAdminAsync("/api/admin/tenants/nobody/backfill", new { days = 3 }, 404);
        Assert.Empty(_h.Zendesk.Requests);
    }

    [Fact]
    public async Task Write_back_tags_the_customer_and_raises_only_their_open_tickets_below_high()
    {
        _h.Zendesk.Tickets.AddRange([
            new ZdTicketRow(701, "open", 9001, 7001, Now, Now, Priority: "normal"),
            new ZdTicketRow(702, "pending", 9001, 7001, Now, Now, Priority: "urgent"),
            new ZdTicketRow(703, "solved", 9001, 7001, Now, Now, Now, Priority: "low"),
            new ZdTicketRow(704, "new", null, 7001, Now, Now, Priority: "low"),
            new ZdTicketRow(705, "open", 9001, 7002, Now, Now, Priority: "low"),
        ]);

        var result = await _h.Host.Service<Connector.HelpdeskApi.IHelpdeskWriteBack>().PrioritizeCustomerAsync("acme", "7001", CancellationToken.None);

        Assert.Equal(new Connector.HelpdeskApi.WriteBackResult(true, 2), result);
        Assert.Equal(["priority_service"], _h.Zendesk.UserTags["7001"]);
        var updates = _h.Zendesk.TicketUpdates.OrderBy(u => u.TicketId).ToList();
        Assert.Equal([701L, 704L], updates.Select(u => u.TicketId));
        Assert.All(updates, u => Assert.Equal("high", u.Body["ticket"]!["priority"]!.GetValue<string>()));
        Assert.All(updates, u => Assert.Equal("priority_service", u.Body["ticket"]!["additional_tags"]![0]!.GetValue<string>()));
        Assert.Single(_h.Zendesk.To("PUT", "/api/v2/users/7001/tags"));
    }
}

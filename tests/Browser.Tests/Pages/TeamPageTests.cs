using HelpdeskGamify.TestSupport;
using Microsoft.Playwright;

namespace HelpdeskGamify.Browser.Tests.Pages;

public sealed class TeamPageTests(BrowserSession browser, PageHost pages) : IClassFixture<BrowserSession>, IClassFixture<PageHost>
{
    private GameHost Host => pages.Host;

    [SkippableFact]
    public async Task Csv_export_downloads_the_rows_shown()
    {
        BrowserSession.RequireChromium();
        var secret = await Host.CreateSettledZendeskTenantAsync("csv1");
        await Webhooks.SolveAsync(Host, "csv1", secret, "1", "9001", "Ingrid Dahl");
        await Webhooks.SolveAsync(Host, "csv1", secret, "2", "9001", "Ingrid Dahl");
        await Webhooks.SolveAsync(Host, "csv1", secret, "3", "9002", "=cmd", "Tier 2");
        await Webhooks.WaitForPointsAsync(Host, "csv1", "9001", 20);
        await Webhooks.WaitForPointsAsync(Host, "csv1", "9002", 10);
        var page = await pages.OpenAsync(browser, "/team", await Host.TokenAsync("csv1", "teamlead", "lead-1"));
        await Assertions.Expect(page.Locator("[data-hg=stats] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-hg=stats] tbody tr").First).ToHaveAttributeAsync("data-agent", "9001");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-hg=export-csv]").ClickAsync());

        Assert.Matches(@"^agents-csv1-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("agent_id,name,team,solved,", lines[0], StringComparison.Ordinal);
        Assert.Equal("9001,Ingrid Dahl,Tier 1,2,,,,0,100,20,1,First solve,20", lines[1]);
        Assert.Equal("9002,'=cmd,Tier 2,1,,,,0,100,10,1,First solve,10", lines[2]);
    }

    [SkippableFact]
    public async Task Badges_column_shows_badges_with_tiers_and_sorts()
    {
        BrowserSession.RequireChromium();
        var secret = await Host.CreateSettledZendeskTenantAsync("badge1");
        for (var ticket = 1; ticket <= 5; ticket++)
        {
            await Webhooks.SolveAsync(Host, "badge1", secret, ticket.ToString(System.Globalization.CultureInfo.InvariantCulture), "9001", "Ingrid Dahl");
        }
        await Webhooks.SolveAsync(Host, "badge1", secret, "6", "9002", "Ola");
        await Webhooks.WaitForPointsAsync(Host, "badge1", "9001", 50);
        await Webhooks.WaitForPointsAsync(Host, "badge1", "9002", 10);
        var lead = await Host.TokenAsync("badge1", "teamlead", "lead-1");
        // More points but fewer badges: the badge sort must not be the points sort.
        using (var api = Host.ClientWithToken(lead))
        {
            using var adjusted = await api.PostAsync("/api/tenants/badge1/agents/9002/adjustments",
                new StringContent("""{"points": 100, "reason": "Holiday cover"}""", System.Text.Encoding.UTF8, "application/json"));
            adjusted.EnsureSuccessStatusCode();
        }
        var page = await pages.OpenAsync(browser, "/team", lead);
        var rows = page.Locator("[data-hg=stats] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-agent", "9002");
        var header = page.Locator("[data-hg=stats] th[data-col=badges]");

        await header.Locator("button").ClickAsync();

        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-agent", "9001");
        var cell = rows.First.Locator("td[data-col=badges]");
        await Assertions.Expect(cell).ToContainTextAsync("2:");
        await Assertions.Expect(cell).ToContainTextAsync("Busy day (bronze)");
        await Assertions.Expect(cell).ToContainTextAsync("First solve");
        await header.Locator("button").ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-agent", "9002");
        await Assertions.Expect(rows.First.Locator("td[data-col=badges]")).ToHaveTextAsync("1: First solve");
    }

    [SkippableFact]
    public async Task Team_lead_of_one_tenant_sees_nothing_of_another()
    {
        BrowserSession.RequireChromium();
        var a = await Host.CreateZendeskTenantAsync("tena");
        var b = await Host.CreateZendeskTenantAsync("tenb");
        await Webhooks.SolveAsync(Host, "tena", a, "1", "1001", "Alice of A");
        await Webhooks.SolveAsync(Host, "tenb", b, "1", "2001", "Bob of B");
        await Webhooks.WaitForPointsAsync(Host, "tena", "1001", 10);
        await Webhooks.WaitForPointsAsync(Host, "tenb", "2001", 10);

        var page = await pages.OpenAsync(browser, "/team", await Host.TokenAsync("tena", "teamlead", "lead-a"));

        await Assertions.Expect(page.Locator("[data-hg=stats] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-hg=stats]")).ToContainTextAsync("Alice of A");
        await Assertions.Expect(page.Locator("[data-hg=recent-awards]")).ToContainTextAsync("Alice of A");
        var content = await page.ContentAsync();
        Assert.DoesNotContain("Bob of B", content, StringComparison.Ordinal);
        var statuses = await page.EvaluateAsync<int[]>("""
            async () => {
              const auth = { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('helpdeskgamify.token') } };
              const paths = ['stats/agents', 'stats/agents.csv', 'review/queue', 'kpis', 'agents/2001', 'leaderboards/agents'];
              return Promise.all(paths.map(async p => (await fetch('/api/tenants/tenb/' + p, auth)).status));
            }
            """);
        Assert.All(statuses, s => Assert.Equal(403, s));
    }

    [SkippableFact]
    public async Task Drill_down_draws_the_trend_from_local_assets_and_keeps_coaching_notes()
    {
        BrowserSession.RequireChromium();
        var secret = await Host.CreateSettledZendeskTenantAsync("drill1");
        await Webhooks.SolveAsync(Host, "drill1", secret, "1", "9001", "Ingrid Dahl");
        await Webhooks.WaitForPointsAsync(Host, "drill1", "9001", 10);
        var page = await pages.OpenAsync(browser, "/team", await Host.TokenAsync("drill1", "teamlead", "lead-1"));
        var origins = new List<string>();
        page.Request += (_, r) => origins.Add(new Uri(r.Url).GetLeftPart(UriPartial.Authority));

        await page.Locator("[data-hg=stats] tbody tr[data-agent='9001']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-hg=trend-chart] canvas")).ToBeVisibleAsync();
        await page.Locator("#note-body").FillAsync("Great empathy on #1");
        await page.Locator("#note-form button").ClickAsync();

        await Assertions.Expect(page.Locator("[data-hg=notes] li").First).ToContainTextAsync("Great empathy on #1");
        await Assertions.Expect(page.Locator("[data-hg=notes] li").First).ToContainTextAsync("lead-1");
        var self = Host.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.All(origins.Where(o => o.StartsWith("http", StringComparison.Ordinal)), o => Assert.Equal(self, o));
        Assert.Contains(await page.EvaluateAsync<string[]>("() => Array.from(document.scripts).map(s => s.src)"), src => src.EndsWith("/js/team.js", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Engine_flag_is_listed_with_its_awards_and_contested_from_the_page()
    {
        BrowserSession.RequireChromium();
        var secret = await Host.CreateSettledZendeskTenantAsync("flag1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        using (var client = Host.CreateClient())
        {
            for (var i = 1; i <= 4; i++)
            {
                foreach (var (kind, at) in new[] { ("ticket.created", t0.AddMinutes(i)), ("ticket.solved", t0.AddMinutes(i).AddSeconds(20)) })
                {
                    using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("flag1", secret,
                        ZendeskWebhooks.Trigger(kind, $"s{i}", assigneeId: "9001", assigneeName: "Ingrid Dahl", requesterId: "7001", updatedAt: at)));
                    response.EnsureSuccessStatusCode();
                }
            }
        }
        await Webhooks.WaitForPointsAsync(Host, "flag1", "9001", 40);
        var page = await pages.OpenAsync(browser, "/team", await Host.TokenAsync("flag1", "teamlead", "lead-1"));
        var flag = page.Locator("[data-hg=engine-flags] li[data-flag]");
        await Assertions.Expect(flag).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(flag).ToContainTextAsync("ticket-splitting");
        await Assertions.Expect(flag.Locator(".flag-awards li")).ToHaveCountAsync(4);

        await flag.Locator("button", new() { HasText = "Contest" }).ClickAsync();
        await Assertions.Expect(flag.Locator("input")).ToHaveAttributeAsync("aria-invalid", "true");
        await flag.Locator("input").FillAsync("one question split in four");
        await flag.Locator("button", new() { HasText = "Contest" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-hg=engine-flags] li")).ToHaveTextAsync(["No open flags."]);
        await Assertions.Expect(page.Locator("[data-hg=audit-trail] li[data-flag]")).ToContainTextAsync("ticket-splitting, agent 9001) contested by lead-1 — one question split in four");
        await Assertions.Expect(page.Locator("[data-hg=audit-trail] li[data-ledger]")).ToHaveCountAsync(4);
        using var lead = Host.ClientWithToken(await Host.TokenAsync("flag1", "teamlead", "lead-1"));
        var summary = System.Text.Json.JsonDocument.Parse(await lead.GetStringAsync("/api/tenants/flag1/agents/9001")).RootElement;
        Assert.Equal(0, summary.GetProperty("points").GetInt64());
    }

    [SkippableFact]
    public async Task Rules_editor_saves_for_a_tenant_admin_and_only_validates_and_back_tests_for_a_team_lead()
    {
        BrowserSession.RequireChromium();
        await Host.CreateZendeskTenantAsync("rules1");
        const string SetWindow = "hours => { const t = document.getElementById('rules'); const r = JSON.parse(t.value); r.pending.windowHours = hours; t.value = JSON.stringify(r, null, 2); }";

        var lead = await pages.OpenAsync(browser, "/team", await Host.TokenAsync("rules1", "teamlead", "lead-1"));
        await Assertions.Expect(lead.Locator("#rules")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("windowHours"));
        await Assertions.Expect(lead.Locator("#rules-save")).ToBeDisabledAsync();
        await Assertions.Expect(lead.Locator("#rules-note")).ToContainTextAsync("an admin of this tenant saves");
        await lead.EvaluateAsync(SetWindow, 5000);
        await lead.Locator("#rules-validate").ClickAsync();
        await Assertions.Expect(lead.Locator("#rules-status")).ToContainTextAsync("pending.windowHours");
        await lead.EvaluateAsync(SetWindow, 6);
        await lead.Locator("#rules-validate").ClickAsync();
        await Assertions.Expect(lead.Locator("#rules-status")).ToContainTextAsync("Valid:");
        await lead.Locator("#rules-backtest").ClickAsync();
        await Assertions.Expect(lead.Locator("[data-hg=rules-preview]")).Not.ToBeEmptyAsync();
        Assert.Equal(403, await lead.EvaluateAsync<int>("""
            async () => (await fetch('/api/tenants/rules1/rules', { method: 'PUT', body: document.getElementById('rules').value,
              headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem('helpdeskgamify.token') } })).status
            """));

        var admin = await pages.OpenAsync(browser, "/team", await Host.TokenAsync("rules1", "admin", "owner-1"));
        await Assertions.Expect(admin.Locator("#rules-save")).ToBeEnabledAsync();
        await Assertions.Expect(admin.Locator("#rules")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("windowHours"));
        await admin.EvaluateAsync(SetWindow, 6);
        await admin.Locator("#rules-save").ClickAsync();

        await Assertions.Expect(admin.Locator("#rules-status")).ToHaveTextAsync("Saved.");
        using var key = Host.AdminClient();
        var saved = System.Text.Json.JsonDocument.Parse(await key.GetStringAsync("/api/admin/tenants/rules1/rules")).RootElement;
        Assert.Equal(6, saved.GetProperty("pending").GetProperty("windowHours").GetInt32());
    }
}

using HelpdeskGamify.TestSupport;
using Microsoft.Playwright;

namespace HelpdeskGamify.Browser.Tests.Pages;

public sealed class AgentViewTests(BrowserSession browser, PageHost pages) : IClassFixture<BrowserSession>, IClassFixture<PageHost>
{
    private GameHost Host => pages.Host;

    [SkippableFact]
    public async Task Leaderboard_reorders_live_when_a_webhook_is_posted_without_a_reload()
    {
        BrowserSession.RequireChromium();
        var secret = await Host.CreateSettledZendeskTenantAsync("live1");
        await Webhooks.SolveAsync(Host, "live1", secret, "1", "9002", "Ola");
        await Webhooks.SolveAsync(Host, "live1", secret, "2", "9002", "Ola");
        await Webhooks.SolveAsync(Host, "live1", secret, "3", "9001", "Ingrid");
        await Webhooks.WaitForPointsAsync(Host, "live1", "9001", 10);
        var page = await pages.OpenAsync(browser, "/agent", await Host.TokenAsync("live1", "agent", "9001"));
        var rows = page.Locator("[data-hg=leaderboard] li");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-participant", "9002");
        await Assertions.Expect(page.Locator("[data-hg=connection]")).ToHaveTextAsync("live");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await Webhooks.SolveAsync(Host, "live1", secret, "4", "9001", "Ingrid");
        await Webhooks.SolveAsync(Host, "live1", secret, "5", "9001", "Ingrid");

        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-participant", "9001");
        await Assertions.Expect(rows.First.Locator(".points")).ToHaveTextAsync("30");
        await Assertions.Expect(page.Locator("[data-hg=my-points]")).ToHaveTextAsync("30");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
    }

    [SkippableFact]
    public async Task Award_toast_is_announced_in_the_live_region_without_moving_focus_and_history_links_the_ticket()
    {
        BrowserSession.RequireChromium();
        var secret = await Host.CreateSettledZendeskTenantAsync("toast1");
        var page = await pages.OpenAsync(browser, "/agent", await Host.TokenAsync("toast1", "agent", "9001"));
        await Assertions.Expect(page.Locator("[data-hg=connection]")).ToHaveTextAsync("live");
        var input = page.Locator("#kudos-message");
        await input.FocusAsync();
        await input.PressSequentiallyAsync("typing");

        await Webhooks.SolveAsync(Host, "toast1", secret, "77", "9001", "Ingrid");

        var region = page.Locator("#toasts");
        await Assertions.Expect(region).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(region).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(region.Locator("[data-hg=toast]", new() { HasText = "Solved ticket #77" })).ToContainTextAsync("+10 points — Solved ticket #77");
        Assert.Equal("kudos-message", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await input.PressSequentiallyAsync(" on");
        await Assertions.Expect(input).ToHaveValueAsync("typing on");
        var link = page.Locator("[data-hg=ledger] a");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "https://toast1.zendesk.com/agent/tickets/77");
    }

    [SkippableFact]
    public async Task Page_that_lost_its_connection_lists_the_awards_it_missed_after_a_blip_and_after_a_long_outage()
    {
        BrowserSession.RequireChromium();
        var secret = await Host.CreateSettledZendeskTenantAsync("away1");
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString() });
        // Keep the page's sockets at hand so the test can drop them, as a network blip would.
        await context.AddInitScriptAsync("""
            window.__sockets = [];
            const Native = window.WebSocket;
            window.WebSocket = class extends Native { constructor(...args) { super(...args); window.__sockets.push(this); } };
            """);
        var page = await context.NewPageAsync();
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) => console.Enqueue($"{m.Type}: {m.Text}");
        await page.GotoAsync("/agent#token=" + await Host.TokenAsync("away1", "agent", "9001"));
        var live = page.Locator("[data-hg=connection]");
        await Assertions.Expect(live).ToHaveTextAsync("live");
        await Assertions.Expect(page.Locator("[data-hg=ledger] li")).ToHaveTextAsync(["Nothing yet: solve a ticket!"]);
        var missed = page.Locator("[data-hg=caught-up]");

        // A blip: back as soon as the network is. Then an outage long enough that several attempts fail.
        // Both come back the same way, so both must list what was missed, without depending on timing.
        await GoOfflineMissAndReturnAsync(page, "404", failedAttempts: 0);
        await Assertions.Expect(live).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        await ExpectMissedAsync("+10 points — Solved ticket #404");

        await GoOfflineMissAndReturnAsync(page, "405", failedAttempts: 3);
        await Assertions.Expect(live).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await ExpectMissedAsync("+10 points — Solved ticket #405");

        await Assertions.Expect(page.Locator("[data-hg=leaderboard] li").First).ToHaveAttributeAsync("data-participant", "9001");
        await Assertions.Expect(page.Locator("[data-hg=my-points]")).ToHaveTextAsync("20");

        async Task ExpectMissedAsync(string line)
        {
            try
            {
                await Assertions.Expect(missed.Locator("li")).ToHaveTextAsync([line]);
            }
            catch (PlaywrightException e)
            {
                throw new InvalidOperationException($"{e.Message}\nlist: {await missed.InnerTextAsync()}\nconsole:\n{string.Join('\n', console)}", e);
            }
        }

        async Task GoOfflineMissAndReturnAsync(IPage target, string ticket, int failedAttempts)
        {
            var refused = 0;
            await target.RouteAsync("**/hubs/game/negotiate**", async route => { Interlocked.Increment(ref refused); await route.AbortAsync(); });
            await target.EvaluateAsync("() => window.__sockets.forEach(s => s.close(4000, 'network blip'))");
            await Assertions.Expect(live).ToHaveTextAsync("offline");
            var points = ticket == "404" ? 10 : 20;
            await Webhooks.SolveAsync(Host, "away1", secret, ticket, "9001", "Ingrid");
            await Webhooks.WaitForPointsAsync(Host, "away1", "9001", points);
            await GameHost.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref refused) >= failedAttempts), TimeSpan.FromSeconds(30), $"{failedAttempts} refused reconnects");
            Assert.Equal(0, await target.Locator("[data-hg=toast]", new() { HasText = "#" + ticket }).CountAsync());
            await target.UnrouteAllAsync();
        }
    }

    [SkippableFact]
    public async Task Boards_show_avatars_from_allowed_https_hosts_and_initials_otherwise()
    {
        BrowserSession.RequireChromium();
        using var host = new GameHost(new Dictionary<string, string?> { ["Security:AvatarImageHosts:0"] = "https://avatars.example.test" });
        var secret = await host.CreateSettledZendeskTenantAsync("face1");
        await Webhooks.SolveAsync(host, "face1", secret, "1", "9001", "Ingrid Dahl");
        await Webhooks.SolveAsync(host, "face1", secret, "2", "9002", "Ola Nordmann");
        await Webhooks.SolveAsync(host, "face1", secret, "3", "9003", "Kari");
        await Webhooks.WaitForPointsAsync(host, "face1", "9003", 10);
        await host.Service<HelpdeskGamify.Connector.Participants.DirectoryStore>().UpsertAsync("face1", "agent",
        [
            new("9001", "Ingrid Dahl", "Tier 1", "https://avatars.example.test/9001.png"),
            new("9002", "Ola Nordmann", "Tier 1", "https://elsewhere.example.net/9002.png"),
            new("9003", "Kari", "Tier 1", "http://avatars.example.test/9003.png"),
        ]);
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString() });
        // Both hosts answer with a picture: only the page's CSP can keep the second one out.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
        await context.RouteAsync("https://avatars.example.test/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = png }));
        await context.RouteAsync("https://elsewhere.example.net/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = png }));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/agent#token=" + await host.TokenAsync("face1", "agent", "9001"));

        var board = page.Locator("[data-hg=leaderboard]");
        var picture = board.Locator("li[data-participant='9001'] img[data-hg=avatar]");
        await Assertions.Expect(picture).ToHaveAttributeAsync("src", "https://avatars.example.test/9001.png");
        await Assertions.Expect(picture).ToHaveAttributeAsync("alt", "");
        await GameHost.WaitUntilAsync(async () => await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), TimeSpan.FromSeconds(15), "the avatar to load");
        await Assertions.Expect(board.Locator("li[data-participant='9002'] [data-hg=avatar]")).ToHaveTextAsync("ON");
        await Assertions.Expect(board.Locator("li[data-participant='9003'] [data-hg=avatar]")).ToHaveTextAsync("K");
        await Assertions.Expect(board.Locator("li[data-participant='9002'] img")).ToHaveCountAsync(0);

        var team = await context.NewPageAsync();
        await team.GotoAsync("/team#token=" + await host.TokenAsync("face1", "teamlead", "lead-1"));
        await Assertions.Expect(team.Locator("[data-hg=stats] tr[data-agent='9001'] td[data-col=name] img[data-hg=avatar]")).ToHaveAttributeAsync("src", "https://avatars.example.test/9001.png");
        await Assertions.Expect(team.Locator("[data-hg=stats] tr[data-agent='9002'] td[data-col=name] [data-hg=avatar]")).ToHaveTextAsync("ON");
        await Assertions.Expect(team.Locator("[data-hg=stats] tr[data-agent='9003'] td[data-col=name]")).ToHaveTextAsync("KKari");
        await context.CloseAsync();
    }

    [SkippableFact]
    public async Task Agent_cannot_open_the_team_lead_view()
    {
        BrowserSession.RequireChromium();
        await Host.CreateZendeskTenantAsync("deny1");
        var statuses = new List<int>();
        var page = await pages.OpenAsync(browser, "/agent", await Host.TokenAsync("deny1", "agent", "9001"));
        page.Response += (_, r) => { if (r.Url.Contains("/api/", StringComparison.Ordinal)) statuses.Add(r.Status); };

        await page.GotoAsync("/team");

        await Assertions.Expect(page.Locator("[data-hg=denied]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-hg=denied]")).ToContainTextAsync("Team leads only");
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();
        Assert.Contains(403, statuses);
        Assert.Equal(403, await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/tenants/deny1/stats/agents.csv', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('helpdeskgamify.token') } })).status
            """));
    }
}

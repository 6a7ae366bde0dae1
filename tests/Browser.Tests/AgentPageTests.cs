using HelpdeskGamify.TestSupport;
using Microsoft.Playwright;

namespace HelpdeskGamify.Browser.Tests;

public sealed class AgentPageTests(BrowserSession session) : IClassFixture<BrowserSession>, IDisposable
{
    private readonly GameHost _host = new();

    [SkippableFact]
    public async Task Leaderboard_row_changes_live_when_a_webhook_arrives()
    {
        BrowserSession.RequireChromium();
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using var client = _host.CreateClient();
        // Ahmed leads with one urgent solve before the page opens.
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret,
            ZendeskWebhooks.Trigger("ticket.solved", "100", assigneeId: "9002", assigneeName: "Ahmed Karimi", priority: "Urgent")))).EnsureSuccessStatusCode();
        var token = await _host.TokenAsync("acme", "agent", "9001");
        await using var context = await session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(new Uri(_host.BaseAddress, "/agent#token=" + token).ToString());
        var board = page.Locator("[data-hg=leaderboard] li");
        await Assertions.Expect(board.First).ToContainTextAsync("Ahmed Karimi");
        await Assertions.Expect(page.Locator("[data-hg=connection]")).ToHaveTextAsync("live");
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);

        // Ingrid overtakes with two urgent solves; the page must show it without a reload.
        foreach (var ticket in new[] { "101", "102" })
        {
            (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret,
                ZendeskWebhooks.Trigger("ticket.solved", ticket, assigneeId: "9001", assigneeName: "Ingrid Dahl", priority: "Urgent")))).EnsureSuccessStatusCode();
        }

        await Assertions.Expect(board.First).ToContainTextAsync("Ingrid Dahl", new() { Timeout = 10_000 });
        await Assertions.Expect(board.First).ToContainTextAsync("40");
        await Assertions.Expect(page.Locator("[data-hg=my-points]")).ToHaveTextAsync("40");
        await Assertions.Expect(page.Locator("[data-hg=toast]").First).ToContainTextAsync("Solved ticket #10");
        Assert.Empty(errors);
    }

    public void Dispose() => _host.Dispose();
}

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
        // Ahmed leads with one urgent solve, rated good, before the page opens (solve points stay pending until a rating).
        await SolveAndRateAsync(client, secret, "100", "9002", "Ahmed Karimi");
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

        // Ingrid overtakes with two urgent solves rated good; the page must show it without a reload.
        foreach (var ticket in new[] { "101", "102" })
        {
            await SolveAndRateAsync(client, secret, ticket, "9001", "Ingrid Dahl");
        }

        await Assertions.Expect(board.First).ToContainTextAsync("Ingrid Dahl", new() { Timeout = 10_000 });
        await Assertions.Expect(board.First).ToContainTextAsync("70"); // 2 × (10 × 2 urgent + 15 good rating)
        await Assertions.Expect(page.Locator("[data-hg=my-points]")).ToHaveTextAsync("70");
        await Assertions.Expect(page.Locator("[data-hg=toast]", new() { HasText = "Solved ticket #10" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-hg=toast]", new() { HasText = "New badge" }).First).ToContainTextAsync("First solve");
        Assert.Equal(0, await page.Locator("[data-hg=toast]", new() { HasText = "[object" }).CountAsync());
        Assert.Empty(errors);
    }

    private static async Task SolveAndRateAsync(HttpClient client, string secret, string ticket, string agent, string name)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.solved", ticket,
            assigneeId: agent, assigneeName: name, priority: "Urgent", updatedAt: at)))).EnsureSuccessStatusCode();
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", ticket,
            assigneeId: agent, assigneeName: name, priority: "Urgent", satisfaction: "Good", updatedAt: at.AddMinutes(1))))).EnsureSuccessStatusCode();
    }

    public void Dispose() => _host.Dispose();
}

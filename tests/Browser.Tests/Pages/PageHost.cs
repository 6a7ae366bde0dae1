using HelpdeskGamify.TestSupport;
using Microsoft.Playwright;

namespace HelpdeskGamify.Browser.Tests.Pages;

/// <summary>One AgentHub per test class (tenants are named per test), pages opened in fresh contexts of the shared browser.</summary>
public sealed class PageHost : IDisposable
{
    public GameHost Host { get; } = new();

    /// <summary>A page in its own context (own sessionStorage), opened at <paramref name="path"/> with the token in the fragment.</summary>
    public async Task<IPage> OpenAsync(BrowserSession session, string path, string token)
    {
        BrowserSession.RequireChromium();
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.GotoAsync($"{path}#token={token}");
        return page;
    }

    public void Dispose() => Host.Dispose();
}

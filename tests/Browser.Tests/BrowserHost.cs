using HelpdeskGamify.TestSupport;
using Microsoft.Playwright;

namespace HelpdeskGamify.Browser.Tests;

/// <summary>
/// One AgentHub on loopback and one headless Debian Chromium, shared by a test class (a browser
/// start costs about a second; each test still gets its own context, so storage is not shared).
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public GameHost Host { get; } = new();

    public IBrowser? Browser { get; private set; }

    public static bool ChromiumPresent => File.Exists(ChromiumPath);

    public async Task InitializeAsync()
    {
        _ = Host.BaseAddress;
        if (!ChromiumPresent)
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
    }

    /// <summary>A fresh page in its own context, opened at <paramref name="path"/> with the token in the fragment.</summary>
    public async Task<IPage> OpenAsync(string path, string token)
    {
        Prerequisites.Require(Browser is not null, $"Chromium at {ChromiumPath}");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.GotoAsync($"{path}#token={token}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Host.Dispose();
    }
}

using Microsoft.Playwright;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Browser.Tests;

/// <summary>
/// One headless Debian Chromium per test class, driven by Playwright. The browser is never
/// downloaded: tests need /usr/bin/chromium (apt-get install chromium) and skip without it,
/// except in CI, where a missing browser fails the run.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Whether Chromium is installed.</summary>
    public static bool Available => File.Exists(ChromiumPath);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }
        // CI shares two cores with everything else; give live updates time rather than fail on load.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine has no network beyond loopback; keep Chromium from trying.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Skips (or fails in CI) when Chromium is missing.</summary>
    public static void RequireChromium() => Prerequisites.Require(Available, $"Chromium at {ChromiumPath}");

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}

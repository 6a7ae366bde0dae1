using HelpdeskGamify.TestSupport;
using Microsoft.Playwright;

namespace HelpdeskGamify.Browser.Tests.Widget;

public sealed class ChatWidgetAccessibilityTests(BrowserSession session) : IClassFixture<BrowserSession>, IDisposable
{
    private readonly DemoSiteHost _site = new();

    [SkippableFact]
    public async Task Keyboard_opens_and_escape_closes_the_panel_returning_focus_to_the_launcher()
    {
        BrowserSession.RequireChromium();
        await using var context = await session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_site.DemoUrl);
        var widget = page.Locator("#helpdeskgamify-widget");
        var launcher = widget.Locator("[data-hg=launcher]");
        await launcher.FocusAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(widget.Locator("[data-hg=panel]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(widget.Locator("[data-hg=panel]")).ToBeHiddenAsync();
        var focused = await page.EvaluateAsync<string?>("() => document.getElementById('helpdeskgamify-widget').shadowRoot.activeElement?.getAttribute('data-hg')");
        Assert.Equal("launcher", focused);
    }

    [SkippableFact]
    public async Task Panel_fits_a_360_pixel_phone_without_sideways_scrolling()
    {
        BrowserSession.RequireChromium();
        await using var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_site.DemoUrl);
        var widget = page.Locator("#helpdeskgamify-widget");
        await widget.Locator("[data-hg=launcher]").ClickAsync();
        var panel = widget.Locator("[data-hg=panel]");
        await Assertions.Expect(panel).ToBeVisibleAsync();

        var box = await panel.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 360, $"The panel spans {box.X}..{box.X + box.Width} px on a 360 px screen.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"));
    }

    public void Dispose() => _site.Dispose();
}

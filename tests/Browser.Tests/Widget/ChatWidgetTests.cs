using System.Diagnostics;
using HelpdeskGamify.AgentHub.Demo;
using HelpdeskGamify.TestSupport;
using Microsoft.Playwright;

namespace HelpdeskGamify.Browser.Tests.Widget;

public sealed class ChatWidgetTests(BrowserSession session) : IClassFixture<BrowserSession>, IDisposable
{
    private readonly DemoSiteHost _site = new();

    private static string Customer => DemoSiteEndpoints.Customer.Id;

    private async Task<(IPage Page, List<string> Errors, IBrowserContext Context)> OpenDemoAsync(string? locale = null)
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale ?? "en-US" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(_site.DemoUrl);
        return (page, errors, context);
    }

    private async Task RateAsync(string ticket, string satisfaction = "Good")
    {
        using var client = _site.Host.CreateClient();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("demo", _site.WebhookSecret,
            ZendeskWebhooks.Trigger("ticket.satisfaction_rated", ticket, requesterId: Customer, requesterName: DemoSiteEndpoints.Customer.Name, satisfaction: satisfaction)));
        response.EnsureSuccessStatusCode();
    }

    [SkippableFact]
    public async Task Identified_customer_sees_a_live_award_within_a_second_of_the_webhook()
    {
        BrowserSession.RequireChromium();
        var (page, errors, context) = await OpenDemoAsync();
        await using var _ = context;
        var widget = page.Locator("#helpdeskgamify-widget");
        await widget.Locator("[data-hg=launcher]").ClickAsync();
        await Assertions.Expect(widget.Locator("[data-hg=points]")).ToHaveAttributeAsync("data-value", "0", new() { Timeout = 10_000 });

        var clock = Stopwatch.StartNew();
        await RateAsync("8001");
        var toast = widget.Locator("[data-hg=toast]");
        await Assertions.Expect(toast.First).ToContainTextAsync("+5 points for rating your support", new() { Timeout = 10_000 });
        var elapsed = clock.Elapsed;

        await Assertions.Expect(widget.Locator("[data-hg=points]")).ToHaveAttributeAsync("data-value", "5");
        await Assertions.Expect(widget.Locator("[data-hg=live]")).ToContainTextAsync("5");
        // The issue's budget is one second on localhost; the bound here leaves room for a loaded CI machine.
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"The award took {elapsed.TotalMilliseconds:F0} ms to appear.");
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Switching_language_translates_the_widget()
    {
        BrowserSession.RequireChromium();
        var (page, errors, context) = await OpenDemoAsync();
        await using var _ = context;
        var widget = page.Locator("#helpdeskgamify-widget");
        await widget.Locator("[data-hg=launcher]").ClickAsync();
        var label = widget.Locator("[data-hg=launcher-label]");
        await Assertions.Expect(label).ToContainTextAsync("points");

        await widget.Locator("[data-hg=lang]").SelectOptionAsync("nb");
        await Assertions.Expect(label).ToContainTextAsync("poeng");
        await widget.Locator("[data-hg=lang]").SelectOptionAsync("ru");
        await Assertions.Expect(label).ToContainTextAsync("балл");
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Browser_language_is_chosen_when_the_page_does_not_name_one()
    {
        BrowserSession.RequireChromium();
        var (page, _, context) = await OpenDemoAsync("nb-NO");
        await using var _c = context;
        await Assertions.Expect(page.Locator("#helpdeskgamify-widget [data-hg=launcher-label]")).ToContainTextAsync("poeng", new() { Timeout = 10_000 });
    }

    [SkippableFact]
    public async Task Host_page_styles_are_untouched_and_the_widget_lives_in_its_shadow_root()
    {
        BrowserSession.RequireChromium();
        var (page, errors, context) = await OpenDemoAsync();
        await using var _ = context;
        await page.Locator("#helpdeskgamify-widget [data-hg=launcher]").WaitForAsync();

        var host = await page.EvaluateAsync<string[]>(@"() => {
            const h1 = getComputedStyle(document.querySelector('h1'));
            const body = getComputedStyle(document.body);
            const link = getComputedStyle(document.querySelector('.articles a'));
            return [h1.fontFamily, body.backgroundColor, link.color, String(document.styleSheets.length),
                    String(!!document.getElementById('helpdeskgamify-widget').shadowRoot),
                    String(document.querySelectorAll('[class^=hg-]').length)];
        }");

        Assert.Contains("Georgia", host[0], StringComparison.Ordinal);
        Assert.Equal("rgb(253, 251, 247)", host[1]);
        Assert.Equal("rgb(11, 61, 46)", host[2]);
        Assert.Equal("1", host[3]); // only the site's own stylesheet is in the document
        Assert.Equal("true", host[4]);
        Assert.Equal("0", host[5]); // no widget element leaks into the light DOM
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Widget_survives_a_server_restart_and_catches_up()
    {
        BrowserSession.RequireChromium();
        var (page, errors, context) = await OpenDemoAsync();
        await using var _ = context;
        var widget = page.Locator("#helpdeskgamify-widget");
        await widget.Locator("[data-hg=launcher]").ClickAsync();
        await Assertions.Expect(widget.Locator("[data-hg=points]")).ToHaveAttributeAsync("data-value", "0", new() { Timeout = 10_000 });

        _site.Stop();
        // Long enough for the widget to lose its connection and start retrying; whether its quiet
        // notice shows by then depends on the retry schedule, so it is not asserted.
        await Task.Delay(TimeSpan.FromSeconds(3));
        _site.Restart();
        await RateAsync("8002");

        await Assertions.Expect(widget.Locator("[data-hg=points]")).ToHaveAttributeAsync("data-value", "5", new() { Timeout = 30_000 });
        Assert.Empty(errors);
    }

    public void Dispose() => _site.Dispose();
}

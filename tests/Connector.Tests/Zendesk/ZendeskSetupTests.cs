using System.Net;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Cli;
using HelpdeskGamify.Connector.Tests.Fakes;
using HelpdeskGamify.Connector.Tests.HelpdeskApi;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Zendesk;

public sealed class ZendeskSetupTests : IAsyncLifetime
{
    private ConnectHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await ConnectHarness.StartAsync();
        _h.Zendesk.Users.Add(new ZdUserRow(1, "Ada Admin", "admin"));
        await _h.CreateZendeskTenantAsync("acme");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Setup_installs_both_webhooks_five_triggers_and_stores_both_signing_secrets()
    {
        var report = await _h.PostAdminAsync("/api/admin/tenants/acme/setup", new { publicUrl = "https://gamify.example.com/" });

        Assert.Equal(7, report.GetProperty("created").GetInt32());
        var hooks = _h.Zendesk.Webhooks.ToList();
        Assert.Equal(2, hooks.Count);
        Assert.All(hooks, h => Assert.Equal("https://gamify.example.com/webhooks/zendesk/acme", h.Endpoint));
        var triggerHook = Assert.Single(hooks, h => h.Subscriptions.SequenceEqual([ZendeskSetup.TriggerSubscription]));
        var eventHook = Assert.Single(hooks, h => h.Subscriptions.Contains("zen:event-type:ticket.status_changed"));

        var triggers = _h.Zendesk.Triggers.ToList();
        Assert.Equal(ZendeskTriggerCatalog.Events.Select(ZendeskTriggerCatalog.Title), triggers.Select(t => t.Title));
        foreach (var (_, title, body) in triggers)
        {
            var action = body["actions"]![0]!;
            Assert.Equal("notification_webhook", action["field"]!.GetValue<string>());
            Assert.Equal(triggerHook.Id, action["value"]![0]!.GetValue<string>());
            // The template must be JSON once Zendesk fills in the placeholders, and carry the event of its trigger.
            var rendered = System.Text.RegularExpressions.Regex.Replace(action["value"]![1]!.GetValue<string>(), @"\{\{[^}]+\}\}", "x");
            var template = JsonDocument.Parse(rendered).RootElement;
            Assert.Equal(title[ZendeskTriggerCatalog.TitlePrefix.Length..], template.GetProperty("event").GetString());
            Assert.Equal(ZendeskPayloadParser.TriggerSchema, template.GetProperty("schema").GetString());
        }

        var settings = (await _h.TenantAsync("acme")).Settings.Zendesk!;
        Assert.Equal(eventHook.Secret, settings.WebhookSigningSecret);
        Assert.Equal(triggerHook.Secret, settings.TriggerWebhookSigningSecret);
        Assert.Equal(FakeZendesk.ApiToken, settings.ApiToken);
    }

    [Fact]
    public async Task Deliveries_signed_with_either_installed_secret_are_accepted()
    {
        await _h.PostAdminAsync("/api/admin/tenants/acme/setup", new { publicUrl = "https://gamify.example.com" });
        using var client = _h.Host.CreateClient();
        foreach (var (hook, ticket) in _h.Zendesk.Webhooks.Select((h, i) => (h, (600 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            // The directory cache was cleared by setup's save, so the new secrets apply at once.
            using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", hook.Secret, ZendeskWebhooks.Trigger("ticket.solved", ticket)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Running_setup_twice_creates_nothing_twice()
    {
        await _h.PostAdminAsync("/api/admin/tenants/acme/setup", new { publicUrl = "https://gamify.example.com" });
        var secrets = (await _h.TenantAsync("acme")).Settings.Zendesk!;

        var again = await _h.PostAdminAsync("/api/admin/tenants/acme/setup", new { publicUrl = "https://gamify.example.com" });

        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(2, _h.Zendesk.Webhooks.Count);
        Assert.Equal(5, _h.Zendesk.Triggers.Count);
        Assert.Equal(2, _h.Zendesk.To("POST", "/api/v2/webhooks").Count);
        Assert.Equal(5, _h.Zendesk.To("POST", "/api/v2/triggers").Count);
        Assert.Equal(secrets, (await _h.TenantAsync("acme")).Settings.Zendesk);
    }

    [Fact]
    public async Task Setup_reactivates_an_installed_webhook_that_was_made_inactive()
    {
        await _h.PostAdminAsync("/api/admin/tenants/acme/setup", new { publicUrl = "https://gamify.example.com" });
        var hook = _h.Zendesk.Webhooks.First();
        _h.Zendesk.WebhookStatus[hook.Id] = "inactive";

        var again = await _h.PostAdminAsync("/api/admin/tenants/acme/setup", new { publicUrl = "https://gamify.example.com" });

        Assert.Equal("active", _h.Zendesk.WebhookStatus[hook.Id]);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Contains(again.GetProperty("steps").EnumerateArray(), s => s.GetProperty("action").GetString() == "activated");
        Assert.Single(_h.Zendesk.To("PATCH", "/api/v2/webhooks/" + hook.Id));
    }

    [Fact]
    public async Task Cli_setup_verb_installs_and_prints_a_report()
    {
        using var output = new StringWriter();

        var code = await ConnectCommand.RunAsync(_h.Host.Services, ["setup", "--tenant", "acme", "--public-url", "https://gamify.example.com"], output);

        Assert.Equal(0, code);
        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("zendesk", report.GetProperty("platform").GetString());
        Assert.Equal(7, report.GetProperty("created").GetInt32());
        Assert.Equal(5, _h.Zendesk.Triggers.Count);
    }

    [Fact]
    public async Task Cli_refuses_missing_arguments_and_unknown_tenants()
    {
        using var output = new StringWriter();
        Assert.Equal(2, await ConnectCommand.RunAsync(_h.Host.Services, ["setup", "--tenant", "acme"], output));
        Assert.Equal(1, await ConnectCommand.RunAsync(_h.Host.Services, ["setup", "--tenant", "nobody", "--public-url", "https://x.example"], output));
        Assert.Empty(_h.Zendesk.Webhooks);
    }

    [Fact]
    public async Task Refused_credentials_answer_502_without_leaking_the_token()
    {
        await _h.CreateZendeskTenantAsync("wrong", apiToken: "wrong-token-SECRET-42");

        var problem = await _h.PostAdminAsync("/api/admin/tenants/wrong/setup", new { publicUrl = "https://gamify.example.com" }, 502);

        Assert.Contains("refused", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", problem.ToString(), StringComparison.Ordinal);
        Assert.Empty(_h.Zendesk.Webhooks);
    }

    [Fact]
    public async Task A_tenant_without_api_credentials_is_told_what_is_missing()
    {
        await _h.Host.CreateZendeskTenantAsync("webhooks-only");

        var problem = await _h.PostAdminAsync("/api/admin/tenants/webhooks-only/setup", new { publicUrl = "https://gamify.example.com" }, 422);

        Assert.Contains("zendesk.apiToken", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_h.Zendesk.Requests);
    }

    [Fact]
    public async Task A_public_url_that_is_not_absolute_is_a_validation_problem()
    {
        await _h.PostAdminAsync("/api/admin/tenants/acme/setup", new { publicUrl = "gamify.example.com" }, 400);
        Assert.Empty(_h.Zendesk.Requests);
    }
}

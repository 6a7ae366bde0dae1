using System.Security.Cryptography;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// Freshdesk setup: proves the API key works, makes sure the tenant has a webhook token (creating
/// one if not), and returns the automation rules to paste. The token is shown only in the run that
/// created it; secrets the admin set stay write-only. Running it again changes nothing.
/// </summary>
public sealed class FreshdeskSetup(FreshdeskApi api, TenantStore store, TenantDirectory tenants, ILogger<FreshdeskSetup> logger)
{
    /// <summary>Runs setup for <paramref name="tenant"/> with webhooks pointing at <paramref name="publicBaseUrl"/>.</summary>
    public async Task<SetupReport> RunAsync(Tenant tenant, Uri publicBaseUrl, CancellationToken ct)
    {
        var client = api.For(tenant);
        var me = await client.MeAsync(ct);
        var steps = new List<SetupStep> { new("verified", $"API key of {me.Contact?.Name ?? "agent " + me.Id} on {tenant.Settings.Freshdesk!.Domain}") };

        string tokenShown;
        var freshdesk = tenant.Settings.Freshdesk!;
        if (string.IsNullOrEmpty(freshdesk.WebhookToken))
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            // Re-read without the cache, so a change made meanwhile on another node is not overwritten.
            var current = await store.FindAsync(tenant.Id, ct) ?? tenant;
            await tenants.SaveAsync(current with
            {
                Settings = current.Settings with { Freshdesk = (current.Settings.Freshdesk ?? freshdesk) with { WebhookToken = token } },
            }, ct);
            steps.Add(new SetupStep(SetupStep.CreatedAction, "a webhook token (stored encrypted; shown below this once)"));
            tokenShown = token;
        }
        else
        {
            steps.Add(new SetupStep("exists", "the tenant's webhook token"));
            tokenShown = "<the tenant's freshdesk.webhookToken>";
        }

        var rules = FreshdeskAutomationRules.For(PublicUrls.Webhook(publicBaseUrl, "freshdesk", tenant.Id), tokenShown).ToList();
        rules.Add(new ManualStep("Freshchat webhook",
            "Freshchat > Admin > Webhooks: enable, paste the URL, copy the RSA public key into the tenant's freshdesk.freshchatPublicKey",
            ["Events: message_create, conversation_assignment, conversation_resolution, conversation_reopen"],
            PublicUrls.Webhook(publicBaseUrl, "freshchat", tenant.Id), new Dictionary<string, string>(), null));
        logger.LogInformation("Freshdesk setup of tenant {Tenant}: credentials verified, {Rules} rules to paste", tenant.Id, rules.Count);
        return new SetupReport(tenant.Id, "freshdesk", steps, rules);
    }
}

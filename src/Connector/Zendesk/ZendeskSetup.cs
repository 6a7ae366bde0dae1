using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>
/// Connects a Zendesk account in one step: an event-subscribed webhook, a trigger-connected
/// webhook (Zendesk allows a webhook only one of the two), both signing secrets stored in the
/// tenant, and the five triggers of the contract. Everything is looked up first (webhooks by
/// endpoint and kind, triggers by title), so running it again creates nothing.
/// </summary>
public sealed class ZendeskSetup(ZendeskApi api, TenantStore store, TenantDirectory tenants, ILogger<ZendeskSetup> logger)
{
    /// <summary>The Zendesk events the event webhook subscribes to.</summary>
    public static readonly IReadOnlyList<string> EventSubscriptions =
    [
        "zen:event-type:ticket.created", "zen:event-type:ticket.status_changed", "zen:event-type:ticket.agent_assignment_changed",
        "zen:event-type:ticket.comment_added", "zen:event-type:ticket.priority_changed", "zen:event-type:ticket.tags_changed",
        "zen:event-type:messaging_ticket.message_added",
        "zen:event-type:user.created", "zen:event-type:user.name_changed", "zen:event-type:user.role_changed", "zen:event-type:user.active_changed",
    ];

    /// <summary>The subscription that connects a webhook to triggers and automations.</summary>
    public const string TriggerSubscription = "conditional_ticket_events";

    /// <summary>Runs setup for <paramref name="tenant"/>, pointing the webhooks at <paramref name="publicBaseUrl"/>.</summary>
    public async Task<SetupReport> RunAsync(Tenant tenant, Uri publicBaseUrl, CancellationToken ct)
    {
        var client = api.For(tenant);
        var steps = new List<SetupStep>();
        var me = await client.MeAsync(ct);
        steps.Add(new SetupStep("verified", $"API user {me.Name} ({me.Role}) on {tenant.Settings.Zendesk!.Subdomain}"));

        var endpoint = PublicUrls.Webhook(publicBaseUrl, "zendesk", tenant.Id);
        var webhooks = new List<ZdWebhook>();
        await foreach (var w in client.WebhooksAsync(ct))
        {
            webhooks.Add(w);
        }
        var eventsHook = await EnsureWebhookAsync(client, webhooks, endpoint, $"HelpdeskGamify events ({tenant.Id})", EventSubscriptions, steps, ct);
        var triggerHook = await EnsureWebhookAsync(client, webhooks, endpoint, $"HelpdeskGamify triggers ({tenant.Id})", [TriggerSubscription], steps, ct);

        // Secrets are stored before the triggers exist, so the first trigger delivery already verifies.
        var eventsSecret = await client.SigningSecretAsync(eventsHook, ct);
        var triggerSecret = await client.SigningSecretAsync(triggerHook, ct);
        var zendesk = tenant.Settings.Zendesk!;
        if (zendesk.WebhookSigningSecret != eventsSecret || zendesk.TriggerWebhookSigningSecret != triggerSecret)
        {
            // Re-read without the cache, so a change made meanwhile on another node is not overwritten.
            var current = await store.FindAsync(tenant.Id, ct) ?? tenant;
            var updated = current with
            {
                Settings = current.Settings with
                {
                    Zendesk = (current.Settings.Zendesk ?? zendesk) with { WebhookSigningSecret = eventsSecret, TriggerWebhookSigningSecret = triggerSecret },
                },
            };
            await tenants.SaveAsync(updated, ct);
            steps.Add(new SetupStep("stored", "the signing secrets of both webhooks (encrypted in the tenant settings)"));
        }
        else
        {
            steps.Add(new SetupStep("exists", "the signing secrets of both webhooks are already stored"));
        }

        var titles = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var t in client.TriggersAsync(ct))
        {
            titles.Add(t.Title ?? "");
        }
        foreach (var eventName in ZendeskTriggerCatalog.Events)
        {
            var title = ZendeskTriggerCatalog.Title(eventName);
            if (titles.Contains(title))
            {
                steps.Add(new SetupStep("exists", $"trigger '{title}'"));
                continue;
            }
            var id = await client.CreateTriggerAsync(ZendeskTriggerCatalog.Trigger(eventName, triggerHook), ct);
            steps.Add(new SetupStep(SetupStep.CreatedAction, $"trigger '{title}' ({id})"));
        }
        logger.LogInformation("Zendesk setup of tenant {Tenant}: {Created} created, {Total} steps", tenant.Id,
            steps.Count(s => s.Action == SetupStep.CreatedAction), steps.Count);
        return new SetupReport(tenant.Id, "zendesk", steps, [MessagingStep(publicBaseUrl, tenant.Id)]);
    }

    private static async Task<string> EnsureWebhookAsync(ZendeskApiClient client, List<ZdWebhook> existing, string endpoint, string name,
        IReadOnlyList<string> subscriptions, List<SetupStep> steps, CancellationToken ct)
    {
        var forTriggers = subscriptions.Contains(TriggerSubscription);
        var found = existing.FirstOrDefault(w => string.Equals(w.Endpoint, endpoint, StringComparison.OrdinalIgnoreCase)
            && w.Subscriptions.Contains(TriggerSubscription) == forTriggers);
        if (found is not null)
        {
            steps.Add(new SetupStep("exists", $"webhook '{found.Name}' ({found.Id}) → {endpoint}"));
            if (!string.Equals(found.Status, "active", StringComparison.OrdinalIgnoreCase))
            {
                // An inactive webhook silently drops every delivery; setup is also the repair step.
                await client.ActivateWebhookAsync(found.Id, ct);
                steps.Add(new SetupStep("activated", $"webhook '{found.Name}' ({found.Id}), which was {found.Status}"));
            }
            return found.Id;
        }
        var id = await client.CreateWebhookAsync(name, endpoint, subscriptions, ct);
        existing.Add(new ZdWebhook { Id = id, Name = name, Endpoint = endpoint, Subscriptions = [.. subscriptions] });
        steps.Add(new SetupStep(SetupStep.CreatedAction, $"webhook '{name}' ({id}) → {endpoint}"));
        return id;
    }

    private static ManualStep MessagingStep(Uri publicBaseUrl, string tenant) => new(
        "Zendesk messaging (Sunshine Conversations) webhook",
        "Admin Center > Apps and integrations > APIs > Conversations API: create an integration webhook",
        ["Triggers: conversation:message, conversation:create, conversation:join, conversation:leave (as available)"],
        PublicUrls.Webhook(publicBaseUrl, "zendesk-messaging", tenant),
        new Dictionary<string, string> { ["X-API-Key"] = "<the tenant's zendesk.messagingApiKey>" },
        null);
}

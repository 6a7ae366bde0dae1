using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>The body of <c>PUT /api/admin/tenants/{tenant}</c>. Omitted secrets keep their stored value.</summary>
public sealed record TenantRequest(
    string? Name,
    string? Platform,
    ZendeskSettings? Zendesk,
    FreshdeskSettings? Freshdesk,
    string? WidgetSigningSecret,
    IReadOnlyList<string>? WidgetOrigins);

/// <summary>A tenant as the API shows it: which secrets are set, never their values.</summary>
public sealed record TenantView(
    string Id,
    string Name,
    string Platform,
    TenantSecretsSet Secrets,
    string? ZendeskSubdomain,
    string? FreshdeskDomain,
    IReadOnlyList<string> WidgetOrigins,
    IReadOnlyDictionary<string, string> WebhookPaths)
{
    /// <summary>The view of a tenant.</summary>
    public static TenantView Of(Tenant t) => new(
        t.Id, t.Name, t.Platform,
        new TenantSecretsSet(
            t.Settings.Zendesk?.WebhookSigningSecret is not null,
            t.Settings.Zendesk?.MessagingApiKey is not null,
            t.Settings.Zendesk?.ApiToken is not null,
            t.Settings.Freshdesk?.WebhookToken is not null,
            t.Settings.Freshdesk?.ApiKey is not null,
            t.Settings.Freshdesk?.FreshchatPublicKey is not null,
            t.Settings.WidgetSigningSecret is not null,
            t.Settings.Zendesk?.AppSharedSecret is not null,
            t.Settings.Freshdesk?.AppSharedSecret is not null),
        t.Settings.Zendesk?.Subdomain,
        t.Settings.Freshdesk?.Domain,
        t.WidgetOrigins,
        new Dictionary<string, string>
        {
            ["zendesk"] = $"/webhooks/zendesk/{t.Id}",
            ["zendeskMessaging"] = $"/webhooks/zendesk-messaging/{t.Id}",
            ["freshdesk"] = $"/webhooks/freshdesk/{t.Id}",
            ["freshchat"] = $"/webhooks/freshchat/{t.Id}",
        });
}

/// <summary>Which secrets a tenant has.</summary>
public sealed record TenantSecretsSet(
    bool ZendeskWebhookSigningSecret,
    bool ZendeskMessagingApiKey,
    bool ZendeskApiToken,
    bool FreshdeskWebhookToken,
    bool FreshdeskApiKey,
    bool FreshchatPublicKey,
    bool WidgetSigningSecret,
    bool ZendeskAppSharedSecret,
    bool FreshdeskAppSharedSecret);

namespace HelpdeskGamify.Connector.Tenants;

/// <summary>One connected helpdesk account, with its secrets decrypted in memory.</summary>
public sealed record Tenant(
    string Id,
    string Name,
    string Platform,
    TenantSettings Settings,
    IReadOnlyList<string> WidgetOrigins);

/// <summary>Everything about a tenant that is secret or per-helpdesk; stored encrypted.</summary>
public sealed record TenantSettings
{
    /// <summary>Zendesk account settings, for a Zendesk tenant.</summary>
    public ZendeskSettings? Zendesk { get; init; }

    /// <summary>Freshdesk and Freshchat settings, for a Freshdesk tenant.</summary>
    public FreshdeskSettings? Freshdesk { get; init; }

    /// <summary>The HS256 secret the company's site signs customer identity tokens with.</summary>
    public string? WidgetSigningSecret { get; init; }

    /// <summary>True when the stored secrets could not be decrypted (lost key ring); never stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool SecretsUnreadable { get; init; }
}

/// <summary>A Zendesk account: where it is and how it proves itself.</summary>
public sealed record ZendeskSettings
{
    /// <summary>The account's subdomain (<c>acme</c> in acme.zendesk.com).</summary>
    public string? Subdomain { get; init; }

    /// <summary>The webhook's signing secret, used to verify <c>X-Zendesk-Webhook-Signature</c>.</summary>
    public string? WebhookSigningSecret { get; init; }

    /// <summary>
    /// The signing secret of the trigger-connected webhook. Zendesk gives every webhook its own
    /// secret, and one webhook cannot both subscribe to events and serve triggers, so setup
    /// installs two and stores both; either verifies a delivery.
    /// </summary>
    public string? TriggerWebhookSigningSecret { get; init; }

    /// <summary>The key Zendesk messaging sends in <c>X-API-Key</c>.</summary>
    public string? MessagingApiKey { get; init; }

    /// <summary>The API user's email, for token authentication.</summary>
    public string? ApiEmail { get; init; }

    /// <summary>The API token.</summary>
    public string? ApiToken { get; init; }

    /// <summary>The shared secret the Zendesk app signs its session JWTs with (HS256); write-only.</summary>
    public string? AppSharedSecret { get; init; }
}

/// <summary>A Freshdesk account with its Freshchat app.</summary>
public sealed record FreshdeskSettings
{
    /// <summary>The account's domain (<c>acme.freshdesk.com</c>).</summary>
    public string? Domain { get; init; }

    /// <summary>The token automations send in <c>X-Webhook-Token</c> or as the Basic password.</summary>
    public string? WebhookToken { get; init; }

    /// <summary>The API key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The PEM public key Freshchat signs webhooks with.</summary>
    public string? FreshchatPublicKey { get; init; }

    /// <summary>The shared secret the Freshdesk app signs its session JWTs with (HS256); write-only.</summary>
    public string? AppSharedSecret { get; init; }
}

using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>Checks a tenant request and merges it over what is stored.</summary>
public static class TenantRequestValidator
{
    /// <summary>Field errors, empty when the request is valid.</summary>
    public static Dictionary<string, string[]> Validate(string tenant, TenantRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TenantSlug.IsValid(tenant))
        {
            errors["tenant"] = ["A tenant id is 1 to 40 characters of a-z, 0-9 and '-'."];
        }
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }
        if (body.Platform is not ("zendesk" or "freshdesk"))
        {
            errors["platform"] = ["Must be 'zendesk' or 'freshdesk'."];
        }
        foreach (var origin in body.WidgetOrigins ?? [])
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.PathAndQuery != "/" || origin.EndsWith('/'))
            {
                errors["widgetOrigins"] = [$"'{origin}' is not an origin like https://www.example.com."];
            }
        }
        if (body.Zendesk?.AppSharedSecret is { Length: < 32 } || body.Freshdesk?.AppSharedSecret is { Length: < 32 })
        {
            errors["appSharedSecret"] = ["Use at least 32 characters (HS256 needs a 256-bit key)."];
        }
        if (body.WidgetSigningSecret is { Length: < 32 })
        {
            errors["widgetSigningSecret"] = ["Use at least 32 characters."];
        }
        return errors;
    }

    /// <summary>The tenant to store: the request's values, with omitted secrets kept from <paramref name="existing"/>.</summary>
    public static Tenant Merge(string tenant, TenantRequest body, Tenant? existing)
    {
        var old = existing?.Settings ?? new TenantSettings();
        var zendesk = body.Zendesk is null ? old.Zendesk : new ZendeskSettings
        {
            Subdomain = body.Zendesk.Subdomain ?? old.Zendesk?.Subdomain,
            WebhookSigningSecret = body.Zendesk.WebhookSigningSecret ?? old.Zendesk?.WebhookSigningSecret,
            TriggerWebhookSigningSecret = body.Zendesk.TriggerWebhookSigningSecret ?? old.Zendesk?.TriggerWebhookSigningSecret,
            MessagingApiKey = body.Zendesk.MessagingApiKey ?? old.Zendesk?.MessagingApiKey,
            ApiEmail = body.Zendesk.ApiEmail ?? old.Zendesk?.ApiEmail,
            ApiToken = body.Zendesk.ApiToken ?? old.Zendesk?.ApiToken,
            AppSharedSecret = body.Zendesk.AppSharedSecret ?? old.Zendesk?.AppSharedSecret,
        };
        var freshdesk = body.Freshdesk is null ? old.Freshdesk : new FreshdeskSettings
        {
            Domain = body.Freshdesk.Domain ?? old.Freshdesk?.Domain,
            WebhookToken = body.Freshdesk.WebhookToken ?? old.Freshdesk?.WebhookToken,
            ApiKey = body.Freshdesk.ApiKey ?? old.Freshdesk?.ApiKey,
            FreshchatPublicKey = body.Freshdesk.FreshchatPublicKey ?? old.Freshdesk?.FreshchatPublicKey,
            AppSharedSecret = body.Freshdesk.AppSharedSecret ?? old.Freshdesk?.AppSharedSecret,
        };
        return new Tenant(tenant, body.Name!.Trim(), body.Platform!,
            new TenantSettings
            {
                Zendesk = zendesk,
                Freshdesk = freshdesk,
                WidgetSigningSecret = body.WidgetSigningSecret ?? old.WidgetSigningSecret,
            },
            body.WidgetOrigins ?? existing?.WidgetOrigins ?? []);
    }
}

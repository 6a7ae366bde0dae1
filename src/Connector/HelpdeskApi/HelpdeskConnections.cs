using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.Tenants;
using HelpdeskGamify.Connector.Zendesk;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>Setup, directory sync and backfill for a tenant, whichever helpdesk it uses.</summary>
public sealed class HelpdeskConnections(
    ZendeskSetup zendeskSetup,
    FreshdeskSetup freshdeskSetup,
    ZendeskDirectorySync zendeskDirectory,
    FreshdeskDirectorySync freshdeskDirectory,
    ZendeskBackfill zendeskBackfill,
    FreshdeskBackfill freshdeskBackfill,
    TimeProvider clock)
{
    /// <summary>The longest backfill window accepted.</summary>
    public const int MaxBackfillDays = 90;

    /// <summary>Installs webhooks and triggers (Zendesk) or verifies and lists the rules to paste (Freshdesk).</summary>
    public Task<SetupReport> SetupAsync(Tenant tenant, Uri publicBaseUrl, CancellationToken ct) => tenant.Platform switch
    {
        "zendesk" => zendeskSetup.RunAsync(tenant, publicBaseUrl, ct),
        "freshdesk" => freshdeskSetup.RunAsync(tenant, publicBaseUrl, ct),
        _ => throw Unsupported(tenant),
    };

    /// <summary>Copies agents, their teams and avatars into participants.</summary>
    public Task<DirectorySyncResult> SyncDirectoryAsync(Tenant tenant, CancellationToken ct) => tenant.Platform switch
    {
        "zendesk" => zendeskDirectory.RunAsync(tenant, ct),
        "freshdesk" => freshdeskDirectory.RunAsync(tenant, ct),
        _ => throw Unsupported(tenant),
    };

    /// <summary>Imports the last <paramref name="days"/> days of tickets, metrics and ratings through the inbox.</summary>
    public Task<BackfillResult> BackfillAsync(Tenant tenant, int days, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxBackfillDays);
        var since = clock.GetUtcNow().AddDays(-days);
        return tenant.Platform switch
        {
            "zendesk" => zendeskBackfill.RunAsync(tenant, since, ct),
            "freshdesk" => freshdeskBackfill.RunAsync(tenant, since, ct),
            _ => throw Unsupported(tenant),
        };
    }

    /// <summary>Whether the tenant has the credentials the helpdesk API needs.</summary>
    public static bool HasApiCredentials(Tenant tenant) => tenant.Platform switch
    {
        "zendesk" => !string.IsNullOrEmpty(tenant.Settings.Zendesk?.ApiToken) && !string.IsNullOrEmpty(tenant.Settings.Zendesk?.ApiEmail),
        "freshdesk" => !string.IsNullOrEmpty(tenant.Settings.Freshdesk?.ApiKey),
        _ => false,
    };

    private static ApiNotConfiguredException Unsupported(Tenant tenant) =>
        new($"Tenant '{tenant.Id}' has platform '{tenant.Platform}'; expected zendesk or freshdesk.");
}

using System.Security.Cryptography;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Demo;

/// <summary>Creates the demo tenant with fresh secrets the first time, and reads it back afterwards.</summary>
public sealed class DemoTenant(TenantDirectory tenants, IOptions<DemoOptions> options) : IHostedService
{
    /// <summary>The demo tenant once it exists.</summary>
    public Tenant? Current { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var id = options.Value.Tenant;
        var tenant = await tenants.FindAsync(id, cancellationToken);
        if (tenant is null || tenant.Settings.SecretsUnreadable)
        {
            tenant = new Tenant(id, "Demo Company", "zendesk", new TenantSettings
            {
                Zendesk = new ZendeskSettings
                {
                    Subdomain = "demo",
                    WebhookSigningSecret = NewSecret(),
                    MessagingApiKey = NewSecret(),
                },
                WidgetSigningSecret = NewSecret(),
            }, []);
            await tenants.SaveAsync(tenant, cancellationToken);
        }
        Current = tenant;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

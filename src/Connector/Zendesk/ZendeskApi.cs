using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>Makes a <see cref="ZendeskApiClient"/> for a tenant from its (decrypted) settings.</summary>
public sealed class ZendeskApi(FlurlClients clients, IOptions<ZendeskOptions> options, TimeProvider clock, ILogger<ZendeskApiClient> logger)
{
    /// <summary>The client for <paramref name="tenant"/>; throws <see cref="ApiNotConfiguredException"/> when credentials are missing.</summary>
    public ZendeskApiClient For(Tenant tenant)
    {
        var z = tenant.Settings.Zendesk;
        if (string.IsNullOrWhiteSpace(z?.Subdomain) || string.IsNullOrWhiteSpace(z.ApiEmail) || string.IsNullOrWhiteSpace(z.ApiToken))
        {
            throw new ApiNotConfiguredException($"Tenant '{tenant.Id}' needs zendesk.subdomain, zendesk.apiEmail and zendesk.apiToken for the Zendesk API.");
        }
        var o = options.Value;
        return new ZendeskApiClient(clients.For(o.BaseUrlFor(z.Subdomain)), z.ApiEmail, z.ApiToken, o.PageSize,
            new HelpdeskHttp("Zendesk", o, clock, logger));
    }
}

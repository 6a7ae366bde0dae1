using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>Makes a <see cref="FreshdeskApiClient"/> for a tenant from its (decrypted) settings.</summary>
public sealed class FreshdeskApi(FlurlClients clients, IOptions<FreshdeskOptions> options, TimeProvider clock, ILogger<FreshdeskApiClient> logger)
{
    /// <summary>The client for <paramref name="tenant"/>; throws <see cref="ApiNotConfiguredException"/> when credentials are missing.</summary>
    public FreshdeskApiClient For(Tenant tenant)
    {
        var f = tenant.Settings.Freshdesk;
        if (string.IsNullOrWhiteSpace(f?.Domain) || string.IsNullOrWhiteSpace(f.ApiKey))
        {
            throw new ApiNotConfiguredException($"Tenant '{tenant.Id}' needs freshdesk.domain and freshdesk.apiKey for the Freshdesk API.");
        }
        var o = options.Value;
        return new FreshdeskApiClient(clients.For(o.BaseUrlFor(f.Domain)), f.ApiKey, o.PageSize, new HelpdeskHttp("Freshdesk", o, clock, logger));
    }
}

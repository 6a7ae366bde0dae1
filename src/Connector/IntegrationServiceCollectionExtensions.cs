using HelpdeskGamify.Connector.CustomEvents;
using HelpdeskGamify.Connector.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector;

/// <summary>Registers the events API (custom events, API keys, imports) and outbound webhooks.</summary>
public static class IntegrationServiceCollectionExtensions
{
    /// <summary>Adds custom events in and award events out.</summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<EventTypeStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<CustomEventReceiver>();
        services.AddSingleton<CustomEvents.Imports.ImportStore>();
        services.AddSingleton<CustomEvents.Imports.CsvImporter>();

        services.AddOptions<OutboundWebhookOptions>()
            .BindConfiguration(OutboundWebhookOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.RetryBaseDelay > TimeSpan.Zero && o.MaxConcurrency > 0,
                "OutboundWebhooks: Timeout, RetryBaseDelay and MaxConcurrency must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IAwardOutbox, AwardOutbox>();
        services.AddSingleton<WebhookSubscriptionStore>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookDeliveryLog>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<OutboundWebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var o = sp.GetRequiredService<IOptions<OutboundWebhookOptions>>().Value;
                // Never follow redirects: a public URL must not be able to bounce us to another (internal) host.
                var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
                if (!o.AllowPrivateNetworkTargets)
                {
                    handler.ConnectCallback = PrivateNetworkGuard.ConnectPublicOnlyAsync;
                }
                return handler;
            })
            // The dispatcher logs each failure itself, without the URL (which may carry a token of the receiver's).
            .RemoveAllLoggers();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<IntegrationHousekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<IntegrationHousekeeping>());
        return services;
    }
}

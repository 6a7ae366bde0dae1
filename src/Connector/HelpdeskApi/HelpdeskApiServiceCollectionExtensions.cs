using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.WriteBack;
using HelpdeskGamify.Connector.Zendesk;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>Registers the helpdesk API features; called by <see cref="ConnectorServiceCollectionExtensions.AddConnector"/>.</summary>
internal static class HelpdeskApiServiceCollectionExtensions
{
    /// <summary>The Zendesk and Freshdesk API clients, setup, directory sync, backfill, reconcile, CSAT poller, write-back and its job worker.</summary>
    internal static void AddHelpdeskApis(this IServiceCollection services)
    {
        services.AddOptions<ZendeskOptions>().BindConfiguration(ZendeskOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.Timeout > TimeSpan.Zero, "Zendesk:MaxAttempts must be at least 1 and Zendesk:Timeout positive.")
            .ValidateOnStart();
        services.AddOptions<FreshdeskOptions>().BindConfiguration(FreshdeskOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.Timeout > TimeSpan.Zero && o.CsatPollInterval > TimeSpan.Zero,
                "Freshdesk:MaxAttempts must be at least 1, Freshdesk:Timeout and Freshdesk:CsatPollInterval positive.")
            .ValidateOnStart();
        services.AddOptions<ReconcileOptions>().BindConfiguration(ReconcileOptions.Section)
            .Validate(o => o.WindowDays is >= 1 and <= HelpdeskConnections.MaxBackfillDays, "Reconcile:WindowDays must be 1 to 90.")
            .ValidateOnStart();
        services.AddSingleton<FlurlClients>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<CursorStore>();
        services.AddSingleton<ApiEventImporter>();
        services.AddSingleton<ZendeskApi>();
        services.AddSingleton<ZendeskSetup>();
        services.AddSingleton<ZendeskDirectorySync>();
        services.AddSingleton<ZendeskBackfill>();
        services.AddSingleton<ZendeskWriteBack>();
        services.AddSingleton<FreshdeskApi>();
        services.AddSingleton<FreshdeskSetup>();
        services.AddSingleton<FreshdeskDirectorySync>();
        services.AddSingleton<FreshdeskWebhookProbe>();
        services.AddSingleton<FreshdeskBackfill>();
        services.AddSingleton<FreshdeskWriteBack>();
        services.AddSingleton<HelpdeskConnections>();
        services.AddSingleton<IHelpdeskWriteBack, HelpdeskWriteBack>();
        services.AddOptions<WriteBackOptions>().BindConfiguration(WriteBackOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.PollInterval > TimeSpan.Zero && o.RetryBaseDelay > TimeSpan.Zero && o.Lease > TimeSpan.Zero,
                "WriteBack:MaxAttempts must be at least 1; WriteBack:PollInterval, RetryBaseDelay and Lease positive.")
            .ValidateOnStart();
        services.AddSingleton<WriteBackJobStore>();
        services.AddSingleton<WriteBackWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WriteBackWorker>());
        services.AddSingleton<FreshdeskCsatPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<FreshdeskCsatPoller>());
        services.AddSingleton<ReconcileService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReconcileService>());
    }
}

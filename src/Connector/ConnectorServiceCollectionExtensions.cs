using HelpdeskGamify.Connector.Freshchat;
using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Privacy;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Backtest;
using HelpdeskGamify.Connector.Scoring.Kudos;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Maintenance;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Review;
using HelpdeskGamify.Connector.Scoring.Rewards;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Seasons;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Scoring.Tickets.Release;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.Connector.Tenants;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.Connector.ZendeskMessaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HelpdeskGamify.Connector;

/// <summary>Registers everything between the helpdesks and the ledger.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds storage, ingest, scoring and leaderboards. The host must register an <see cref="IGameNotifier"/>
    /// (the connector does not know how results reach screens).
    /// </summary>
    public static IHostApplicationBuilder AddConnector(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is SqlServer.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Database>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<SchemaMigrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<SchemaMigrationService>());

        services.AddTenantSecretProtection();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantDirectory>();
        HelpdeskApi.HelpdeskApiServiceCollectionExtensions.AddHelpdeskApis(services);

        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxStaging>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<DeadLetterStore>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<ZendeskWebhookSource>();
        services.AddSingleton<ZendeskMessagingWebhookSource>();
        services.AddSingleton<FreshdeskWebhookSource>();
        services.AddSingleton<FreshchatKeys>();
        services.AddSingleton<FreshchatWebhookSource>();
        // The same instances by interface, so that dead-letter replay finds a source by its name.
        services.AddSingleton<IWebhookSource>(sp => sp.GetRequiredService<ZendeskWebhookSource>());
        services.AddSingleton<IWebhookSource>(sp => sp.GetRequiredService<ZendeskMessagingWebhookSource>());
        services.AddSingleton<IWebhookSource>(sp => sp.GetRequiredService<FreshdeskWebhookSource>());
        services.AddSingleton<IWebhookSource>(sp => sp.GetRequiredService<FreshchatWebhookSource>());

        services.AddSingleton<RuleSetStore>();
        services.AddSingleton<RuleBook>();
        services.AddSingleton<NodeIdentity>();
        services.AddOptions<InboxLeaseOptions>().BindConfiguration(InboxLeaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboxLeases>();
        // Before the scorer: hosted services stop in reverse order, so leases are released after the last batch.
        services.AddHostedService(sp => sp.GetRequiredService<InboxLeases>());
        services.AddSingleton<ScoringStore>();
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<ReviewFlagStore>();
        services.AddSingleton<TicketScorer>();
        services.AddSingleton<ProgressTracker>();
        services.AddSingleton<ReleasePass>();
        services.AddSingleton<TicketRescore>();
        services.AddSingleton<RewardStore>();
        services.AddSingleton<RedemptionService>();
        services.AddSingleton<KudosService>();
        services.AddSingleton<Backtester>();
        services.AddSingleton<SeasonTrophies>();
        services.AddSingleton<MaintenancePass>();
        services.AddSingleton<ScoringWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ScoringWorker>());
        services.AddIntegrations();

        services.TryAddSingleton<ITotalsFanout, NoTotalsFanout>();
        services.AddSingleton<LeaderboardIndex>();
        services.AddOptions<LeaderboardOptions>().BindConfiguration(LeaderboardOptions.Section);
        services.TryAddSingleton<IBoardWarmupPlan, BoardWarmupStore>();
        services.AddHostedService<LeaderboardWarmup>();
        services.AddSingleton<LeaderboardReader>();
        services.AddSingleton<ParticipantStore>();
        services.AddSingleton<CustomerPrivacyStore>();
        services.AddSingleton<CustomerExporter>();
        services.AddSingleton<OptOutRegistry>();
        services.AddSingleton<ParticipantSummaryReader>();
        return builder;
    }
}

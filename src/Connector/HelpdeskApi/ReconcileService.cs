using HelpdeskGamify.Connector.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// Once a day, for every tenant with API credentials: sync the directory, then re-run the backfill
/// over <see cref="ReconcileOptions.WindowDays"/>. Natural keys make everything a webhook already
/// delivered a duplicate, so only what webhooks lost is scored. On several nodes each node runs it;
/// that costs API calls, never double points.
/// </summary>
public sealed class ReconcileService(
    TenantStore tenantStore,
    TenantDirectory tenants,
    HelpdeskConnections connections,
    IOptions<ReconcileOptions> options,
    TimeProvider clock,
    ILogger<ReconcileService> logger) : BackgroundService
{
    /// <summary>When the next run is due after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeSpan atUtc)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + atUtc;
        return today > now ? today : today.AddDays(1);
    }

    /// <summary>Reconciles every tenant once; returns how many were reconciled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var done = 0;
        foreach (var id in await tenantStore.ListIdsAsync(ct))
        {
            var tenant = await tenants.FindAsync(id, ct);
            if (tenant is null || !HelpdeskConnections.HasApiCredentials(tenant))
            {
                continue;
            }
            try
            {
                await connections.SyncDirectoryAsync(tenant, ct);
                var result = await connections.BackfillAsync(tenant, options.Value.WindowDays, ct);
                logger.LogInformation("Reconciled tenant {Tenant}: {Accepted} facts recovered, {Duplicates} already known",
                    id, result.Accepted, result.Duplicates);
                done++;
            }
            catch (Exception ex) when (ex is HelpdeskApiException or ApiNotConfiguredException or Ingest.InboxUnavailableException)
            {
                logger.LogWarning("Reconcile of tenant {Tenant} failed: {Reason}", id, ex.Message);
            }
        }
        return done;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = NextRun(clock.GetUtcNow(), options.Value.AtUtc) - clock.GetUtcNow();
            await Task.Delay(wait, clock, stoppingToken);
            await RunOnceAsync(stoppingToken);
        }
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// Freshdesk has no placeholder for satisfaction ratings, so they are polled: every
/// <see cref="FreshdeskOptions.CsatPollInterval"/>, each Freshdesk tenant with an API key is asked
/// for ratings created since its cursor, which moves to the newest rating seen. The cursor is
/// inclusive, so the newest rating comes back once more and is recognised as a duplicate.
/// </summary>
public sealed class FreshdeskCsatPoller(
    TenantStore tenantStore,
    TenantDirectory tenants,
    FreshdeskApi api,
    ApiEventImporter importer,
    CursorStore cursors,
    IOptions<FreshdeskOptions> options,
    TimeProvider clock,
    ILogger<FreshdeskCsatPoller> logger) : BackgroundService
{
    /// <summary>The cursor's name in <c>helpdesk_cursors</c>.</summary>
    public const string CursorName = "freshdesk.csat.created_since";

    /// <summary>Polls one tenant once; returns what was imported.</summary>
    public async Task<ImportCounts> PollTenantAsync(Tenant tenant, CancellationToken ct)
    {
        var stored = await cursors.GetAsync(tenant.Id, CursorName, ct);
        var since = stored is not null && DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)
            ? s : clock.GetUtcNow() - options.Value.CsatInitialLookback;
        var client = api.For(tenant);
        var newest = new NewestSeen(since);
        var counts = await importer.ImportAsync(tenant.Id, "freshdesk-csat", RatingsAsync(client, since, newest, ct), ct);
        if (newest.At > since)
        {
            await cursors.SetAsync(tenant.Id, CursorName, newest.At.ToString("O", CultureInfo.InvariantCulture), ct);
        }
        return counts;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CsatPollEnabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.CsatPollInterval, clock);
        do
        {
            foreach (var id in await tenantStore.ListIdsAsync(stoppingToken))
            {
                var tenant = await tenants.FindAsync(id, stoppingToken);
                if (tenant is not { Platform: "freshdesk" } || string.IsNullOrEmpty(tenant.Settings.Freshdesk?.ApiKey))
                {
                    continue;
                }
                try
                {
                    var counts = await PollTenantAsync(tenant, stoppingToken);
                    if (counts.Accepted > 0)
                    {
                        logger.LogInformation("Imported {Count} Freshdesk ratings for tenant {Tenant}", counts.Accepted, id);
                    }
                }
                catch (Exception ex) when (ex is HelpdeskApiException or ApiNotConfiguredException or Ingest.InboxUnavailableException)
                {
                    // The message is ours and carries no credentials; the next tick tries again.
                    logger.LogWarning("Freshdesk rating poll failed for tenant {Tenant}: {Reason}", id, ex.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static async IAsyncEnumerable<ImportedEvent> RatingsAsync(FreshdeskApiClient client, DateTimeOffset since, NewestSeen newest,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var people = new FreshdeskPeople(client);
        await foreach (var r in client.SatisfactionRatingsAsync(since, ct))
        {
            if (r.CreatedAt is { } created && created > newest.At)
            {
                newest.At = created;
            }
            if (await FreshdeskRatings.ToEventAsync(r, people, ct) is { } rating)
            {
                yield return new ImportedEvent(rating.Event, "freshdesk:" + rating.Event.SourceEventId);
            }
        }
    }

    private sealed class NewestSeen(DateTimeOffset at)
    {
        public DateTimeOffset At { get; set; } = at;
    }
}

using System.Text;
using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// Puts facts read from a helpdesk API into the same inbox webhooks use, in batches. Natural keys
/// make a fact already delivered by a webhook (or imported before) a duplicate, so backfills and
/// reconciles can be re-run at will; the scorer then treats imported facts like delivered ones.
/// </summary>
public sealed class ApiEventImporter(InboxWriter inbox, TimeProvider clock)
{
    /// <summary>Events per inbox append.</summary>
    public const int BatchSize = 200;

    /// <summary>Imports <paramref name="events"/> for <paramref name="tenantId"/>; returns what was new and what was known.</summary>
    public async Task<ImportCounts> ImportAsync(string tenantId, string origin, IAsyncEnumerable<ImportedEvent> events, CancellationToken ct)
    {
        var headers = JsonSerializer.Serialize(new Dictionary<string, string> { ["X-HelpdeskGamify-Import"] = origin });
        var batch = new List<InboxItem>(BatchSize);
        var counts = new ImportCounts(0, 0);
        await foreach (var imported in events.WithCancellation(ct))
        {
            var json = EventJson.Serialize(imported.Event);
            batch.Add(InboxItems.Of(tenantId, imported.Event.Source, "api:" + imported.DeliveryId, imported.Event,
                Encoding.UTF8.GetBytes(json), headers, clock.GetUtcNow()));
            if (batch.Count == BatchSize)
            {
                counts += await FlushAsync(batch, ct);
            }
        }
        return counts + await FlushAsync(batch, ct);
    }

    private async Task<ImportCounts> FlushAsync(List<InboxItem> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return new ImportCounts(0, 0);
        }
        var results = await inbox.AppendAsync(batch.ToList(), ct);
        batch.Clear();
        var accepted = results.Count(r => !r.Duplicate);
        return new ImportCounts(accepted, results.Count - accepted);
    }
}

/// <summary>A fact read from a helpdesk API, with a delivery id that is stable across runs.</summary>
public sealed record ImportedEvent(HelpdeskEvent Event, string DeliveryId);

/// <summary>How many imported facts were new and how many the inbox already had.</summary>
public readonly record struct ImportCounts(int Accepted, int Duplicates)
{
    /// <summary>Adds two counts.</summary>
    public static ImportCounts operator +(ImportCounts a, ImportCounts b) => new(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates);

    /// <summary>Named alternative to <c>+</c>.</summary>
    public static ImportCounts Add(ImportCounts a, ImportCounts b) => a + b;
}

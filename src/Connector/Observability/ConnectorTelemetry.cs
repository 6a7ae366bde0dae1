using System.Diagnostics;
using System.Diagnostics.Metrics;
using HelpdeskGamify.Connector.Scoring;

namespace HelpdeskGamify.Connector;

/// <summary>
/// The connector's metrics and traces: one <see cref="Meter"/> and one <see cref="ActivitySource"/>,
/// both named <see cref="Name"/>. They cost nothing until a listener (OpenTelemetry, dotnet-counters,
/// a test's <see cref="MeterListener"/>) subscribes. Tags stay low-cardinality: tenant and source, never
/// ticket or person ids (those go to logs).
/// </summary>
public static class ConnectorTelemetry
{
    /// <summary>The meter and activity source name to subscribe to.</summary>
    public const string Name = "HelpdeskGamify";

    /// <summary>Traces of webhook ingest and scoring batches.</summary>
    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Ingested = Meter.CreateCounter<long>(
        "helpdeskgamify.events.ingested", "{event}", "Webhook facts made durable in the inbox (duplicates counted apart).");

    private static readonly Counter<long> Scored = Meter.CreateCounter<long>(
        "helpdeskgamify.events.scored", "{event}", "Inbox rows scored and committed.");

    private static readonly Histogram<double> InboxLag = Meter.CreateHistogram<double>(
        "helpdeskgamify.inbox.lag", "ms", "Time from a delivery's 200 to the moment a scorer claims it.");

    private static readonly Counter<long> Awards = Meter.CreateCounter<long>(
        "helpdeskgamify.awards", "{award}", "Ledger entries written by scoring.");

    private static readonly Counter<long> AwardedPoints = Meter.CreateCounter<long>(
        "helpdeskgamify.awards.points", "{point}", "Points written to the ledger by scoring (clawbacks count negative).");

    /// <summary>Counts the facts of one delivery by outcome.</summary>
    public static void RecordIngested(string tenantId, string source, int accepted, int duplicates)
    {
        var tenant = new KeyValuePair<string, object?>("tenant", tenantId);
        var from = new KeyValuePair<string, object?>("source", source);
        if (accepted > 0)
        {
            Ingested.Add(accepted, tenant, from, new("outcome", "accepted"));
        }
        if (duplicates > 0)
        {
            Ingested.Add(duplicates, tenant, from, new("outcome", "duplicate"));
        }
    }

    /// <summary>Records how long claimed rows waited in the inbox.</summary>
    public static void RecordClaimed(IReadOnlyList<PendingInboxRow> rows, long nowMs)
    {
        if (!InboxLag.Enabled)
        {
            return;
        }
        foreach (var row in rows)
        {
            InboxLag.Record(Math.Max(0, nowMs - row.ReceivedAtMs), new KeyValuePair<string, object?>("tenant", row.TenantId));
        }
    }

    /// <summary>Counts a committed batch: its rows and the awards it published.</summary>
    public static void RecordScored(IReadOnlyList<PendingInboxRow> rows, ScoringOutcome outcome)
    {
        foreach (var tenant in rows.GroupBy(r => r.TenantId, StringComparer.Ordinal))
        {
            Scored.Add(tenant.Count(), new KeyValuePair<string, object?>("tenant", tenant.Key));
        }
        foreach (var award in outcome.Awards)
        {
            var tags = new TagList { { "tenant", award.TenantId }, { "kind", award.ParticipantKind }, { "category", award.Category } };
            Awards.Add(1, tags);
            AwardedPoints.Add(award.Points, tags);
        }
    }
}

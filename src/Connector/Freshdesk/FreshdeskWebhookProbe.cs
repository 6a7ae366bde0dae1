using Dapper;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// Freshdesk automation deliveries carry no time and no id, so the inbox dates them by arrival and
/// keys them by sequence (<see cref="SequenceKey"/>: <c>freshdesk|t:{ticket}|{stamp}|{Kind}|{fingerprint}</c>). An imported
/// fact can therefore not share their key; instead the backfill asks whether a delivery of the same
/// kind for the same ticket arrived from shortly before the fact until a day after it (Freshdesk
/// defers deliveries up to a day), and leaves the fact out when one did.
/// </summary>
public sealed class FreshdeskWebhookProbe(Database database, InboxStaging staging)
{
    /// <summary>How long after the fact a webhook delivery of it may still arrive.</summary>
    public static readonly TimeSpan LateArrival = TimeSpan.FromHours(26);

    /// <summary>How long before the fact's own time a webhook delivery of it may be stamped (clock skew, rounding).</summary>
    public static readonly TimeSpan EarlyArrival = TimeSpan.FromMinutes(5);

    private const string SelectKeys = """
        SELECT natural_key FROM inbox
        WHERE tenant_id = @TenantId AND natural_key >= @From AND natural_key <= @To
        """;

    /// <summary>When webhooks reported <paramref name="kind"/> for the ticket (their arrival times) between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public async Task<List<DateTimeOffset>> ArrivalsAsync(string tenantId, string ticketId, HelpdeskEventKind kind, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var scope = SequenceKey.Scope(new HelpdeskEvent { Source = "freshdesk", Kind = kind, OccurredAt = from, TicketId = ticketId })
            ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Freshdesk automations report only ticket created, solved, reopened and agent replied.");
        var keys = await KeysAsync(tenantId, scope + SequenceKey.Stamp(from), scope + SequenceKey.Stamp(to) + "|~", ct);
        return keys.Where(k => SequenceKey.FingerprintOf(k, scope)?.StartsWith("|" + kind + "|", StringComparison.Ordinal) == true)
            .Select(k => DateTimeOffset.ParseExact(k.AsSpan(scope.Length, 17), "yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal))
            .Order().ToList();
    }

    // A delivery acknowledged a moment ago may still be in the staging inbox: read it first, then the main file.
    private async Task<List<string>> KeysAsync(string tenantId, string from, string to, CancellationToken ct)
    {
        var keys = await staging.ReadStagedAsync(async c => (await c.QueryAsync<string>(new CommandDefinition(SelectKeys,
            new { TenantId = tenantId, From = from, To = to }, cancellationToken: ct))).ToList(), ct);
        await using var connection = await database.OpenAsync(ct);
        keys.AddRange(await connection.QueryAsync<string>(new CommandDefinition(SelectKeys,
            new { TenantId = tenantId, From = from, To = to }, cancellationToken: ct)));
        // A moved row may still be in staging too; natural keys are unique, so one key is one delivery.
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a webhook already reported <paramref name="kind"/> for the ticket around <paramref name="at"/>.</summary>
    public async Task<bool> DeliveredAsync(string tenantId, string ticketId, HelpdeskEventKind kind, DateTimeOffset at, CancellationToken ct)
    {
        var scope = SequenceKey.Scope(new HelpdeskEvent { Source = "freshdesk", Kind = kind, OccurredAt = at, TicketId = ticketId })
            ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Freshdesk automations report only ticket created, solved, reopened and agent replied.");
        var keys = await KeysAsync(tenantId, scope + SequenceKey.Stamp(at - EarlyArrival), scope + SequenceKey.Stamp(at + LateArrival) + "|~", ct);
        return keys.Any(k => SequenceKey.FingerprintOf(k, scope)?.StartsWith("|" + kind + "|", StringComparison.Ordinal) == true);
    }
}

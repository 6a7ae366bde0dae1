using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Privacy;

/// <summary>Everything stored about one customer, as the data-subject access request returns it.</summary>
public sealed class CustomerExporter(Database database, InboxStaging staging, ParticipantStore participants)
{
    private const string SelectEvents = """
        SELECT id AS Id, source AS Source, kind AS Kind, occurred_at_ms AS OccurredAtMs, received_at_ms AS ReceivedAtMs, event_json AS EventJson
        FROM inbox
        WHERE tenant_id = @TenantId AND event_json LIKE @Pattern ESCAPE '\'
        ORDER BY id
        """;

    /// <summary>The export, or null when nothing is stored under this id.</summary>
    public async Task<CustomerDataExport?> ExportAsync(string tenantId, string customerId, CancellationToken ct = default)
    {
        var person = await participants.FindAsync(tenantId, ParticipantKinds.Customer, customerId, ct);
        var pattern = CustomerPrivacyStore.MentionPattern(customerId);
        // Facts acknowledged but not yet moved out of the staging inbox; read before the main file (see UnmovedAsync).
        var staged = await staging.UnmovedAsync(async (c, tx) => (await c.QueryAsync<EventRow>(new CommandDefinition(SelectEvents,
            new { TenantId = tenantId, Pattern = pattern }, tx, cancellationToken: ct))).ToList(), r => r.Id, ct);
        await using var connection = await database.OpenAsync(ct);
        var stored = (await connection.QueryAsync<EventRow>(new CommandDefinition(SelectEvents,
            new { TenantId = tenantId, Pattern = pattern }, cancellationToken: ct))).ToList();
        var events = stored.Concat(staged.Where(r => !stored.Exists(s => s.Id == r.Id))).OrderBy(r => r.Id)
            .Select(r => new ExportedEvent(r.Id, r.Source, r.Kind, DateTimeOffset.FromUnixTimeMilliseconds(r.OccurredAtMs),
                DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedAtMs), JsonDocument.Parse(r.EventJson).RootElement.Clone()))
            .ToList();
        if (person is null && events.Count == 0)
        {
            return null;
        }
        var ledger = person is null ? [] : await participants.LedgerAsync(tenantId, person.Id, long.MaxValue, int.MaxValue, ct);
        return new CustomerDataExport(tenantId, customerId, person?.DisplayName, ledger.Sum(l => l.Points), ledger, events, DateTimeOffset.UtcNow);
    }

    private sealed record EventRow(long Id, string Source, string Kind, long OccurredAtMs, long ReceivedAtMs, string EventJson);
}

/// <summary>A customer's data: profile, every ledger entry, every event that names them.</summary>
public sealed record CustomerDataExport(
    string Tenant,
    string CustomerId,
    string? DisplayName,
    long Points,
    IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<ExportedEvent> Events,
    DateTimeOffset ExportedAt);

/// <summary>One stored event about the customer, normalized.</summary>
public sealed record ExportedEvent(long Id, string Source, string Kind, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt, JsonElement Event);

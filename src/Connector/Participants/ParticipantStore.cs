using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Participants;

/// <summary>Reads agents and customers, their ledgers and their points by category; every query is scoped by tenant.</summary>
public sealed class ParticipantStore(Database database)
{
    private const string SelectOne = """
        SELECT id AS Id, kind AS Kind, external_id AS ExternalId, display_name AS DisplayName, team AS Team, opted_out AS OptedOut
        FROM participants
        WHERE tenant_id = @TenantId AND kind = @Kind AND external_id = @ExternalId
        """;

    /// <summary>One participant, or null.</summary>
    public async Task<Participant?> FindAsync(string tenantId, string kind, string externalId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Participant>(new CommandDefinition(SelectOne,
            new { TenantId = tenantId, Kind = kind, ExternalId = externalId }, cancellationToken: ct));
    }

    private const string SelectMany = """
        SELECT id AS Id, kind AS Kind, external_id AS ExternalId, display_name AS DisplayName, team AS Team, opted_out AS OptedOut
        FROM participants
        WHERE tenant_id = @TenantId AND kind = @Kind AND external_id IN @ExternalIds
        """;

    /// <summary>The participants with these helpdesk ids (a board page's worth).</summary>
    public async Task<IReadOnlyDictionary<string, Participant>> FindManyAsync(string tenantId, string kind, IReadOnlyCollection<string> externalIds, CancellationToken ct = default)
    {
        if (externalIds.Count == 0)
        {
            return new Dictionary<string, Participant>();
        }
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Participant>(new CommandDefinition(SelectMany,
            new { TenantId = tenantId, Kind = kind, ExternalIds = externalIds }, cancellationToken: ct));
        return rows.ToDictionary(p => p.ExternalId, StringComparer.Ordinal);
    }

    /// <summary>Registers a person (or refreshes their name) outside scoring, e.g. when a customer first opens the widget.</summary>
    public async Task<long> EnsureAsync(string tenantId, string kind, string externalId, string? displayName, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.UpsertParticipant,
            new { TenantId = tenantId, Kind = kind, ExternalId = externalId, DisplayName = displayName, Team = (string?)null, TeamAsOfMs = 0L, NowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
            cancellationToken: ct));
    }

    private const string SelectByCategory = """
        SELECT category AS Category, SUM(CAST(points AS BIGINT)) AS Points
        FROM ledger
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId
        GROUP BY category
        """;

    /// <summary>Points by category, summed from the ledger (the truth).</summary>
    public async Task<IReadOnlyDictionary<string, long>> PointsByCategoryAsync(string tenantId, long participantId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Category, long Points)>(new CommandDefinition(SelectByCategory,
            new { TenantId = tenantId, ParticipantId = participantId }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Category, r => r.Points, StringComparer.Ordinal);
    }

    /// <summary>Ledger entries newest first, <paramref name="limit"/> at a time, before the entry id <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string tenantId, long participantId, long before, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<LedgerEntry>(new CommandDefinition(database.Dialect.SelectLedgerPage,
            new { TenantId = tenantId, ParticipantId = participantId, Before = before, Limit = limit }, cancellationToken: ct));
        return rows.AsList();
    }
}

/// <summary>An agent or customer.</summary>
public sealed class Participant
{
    /// <summary>Internal id.</summary>
    public long Id { get; init; }
    /// <summary>agent or customer.</summary>
    public string Kind { get; init; } = "";
    /// <summary>The helpdesk's id for the person.</summary>
    public string ExternalId { get; init; } = "";
    /// <summary>Name as the helpdesk has it.</summary>
    public string? DisplayName { get; init; }
    /// <summary>The agent's team (group).</summary>
    public string? Team { get; init; }
    /// <summary>Whether the agent hid from public boards.</summary>
    public bool OptedOut { get; init; }
}

/// <summary>One ledger entry as the API shows it.</summary>
public sealed class LedgerEntry
{
    /// <summary>Entry id.</summary>
    public long Id { get; init; }
    /// <summary>Change to the settled balance (negative for penalties, clawbacks and redemptions).</summary>
    public long Points { get; init; }
    /// <summary>Change to the pending points.</summary>
    public long PendingPoints { get; init; }
    /// <summary>quality, speed, productivity, engagement.</summary>
    public string Category { get; init; } = "";
    /// <summary>Why.</summary>
    public string Reason { get; init; } = "";
    /// <summary>The rule that gave it.</summary>
    public string RuleId { get; init; } = "";
    /// <summary>award, pending, release, clawback, penalty, adjustment, redemption.</summary>
    public string EntryKind { get; init; } = "";
    /// <summary>The inbox row (source event) behind it.</summary>
    public long? SourceInboxId { get; init; }
    /// <summary>The ticket it is about.</summary>
    public string? TicketId { get; init; }
    /// <summary>When the event happened.</summary>
    public long OccurredAtMs { get; init; }
    /// <summary>When the entry was written.</summary>
    public long CreatedAtMs { get; init; }
}

using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>Authenticated deliveries we could not understand, kept so that nothing is lost.</summary>
public sealed class DeadLetterStore(Database database)
{
    private const string Insert = """
        INSERT INTO dead_letters (tenant_id, source, reason, raw_body, headers_json, received_at_ms, status)
        VALUES (@TenantId, @Source, @Reason, @RawBody, @HeadersJson, @ReceivedAtMs, 0)
        """;

    /// <summary>Keeps a delivery with the reason it was refused.</summary>
    public async Task AddAsync(DeadLetter letter, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Insert, letter, cancellationToken: ct));
    }

    private const string SelectOpen = """
        SELECT id AS Id, tenant_id AS TenantId, source AS Source, reason AS Reason, raw_body AS RawBody,
               headers_json AS HeadersJson, received_at_ms AS ReceivedAtMs, status AS Status
        FROM dead_letters
        WHERE tenant_id = @TenantId AND status = 0
        ORDER BY id
        """;

    /// <summary>The open dead letters of a tenant, oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListOpenAsync(string tenantId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<DeadLetter>(new CommandDefinition(SelectOpen, new { TenantId = tenantId }, cancellationToken: ct))).ToList();
    }

    private const string SelectOne = """
        SELECT id AS Id, tenant_id AS TenantId, source AS Source, reason AS Reason, raw_body AS RawBody,
               headers_json AS HeadersJson, received_at_ms AS ReceivedAtMs, status AS Status
        FROM dead_letters
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    /// <summary>One dead letter of a tenant, in any state; null when the tenant has none with this id.</summary>
    public async Task<DeadLetter?> FindAsync(string tenantId, long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DeadLetter>(new CommandDefinition(SelectOne, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    private const string UpdateStatus = """
        UPDATE dead_letters SET status = @Status
        WHERE tenant_id = @TenantId AND id = @Id AND status = 0
        """;

    /// <summary>Closes an open dead letter as replayed or discarded; false when it was not open (someone else closed it).</summary>
    public async Task<bool> CloseAsync(string tenantId, long id, int status, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(UpdateStatus, new { TenantId = tenantId, Id = id, Status = status }, cancellationToken: ct)) == 1;
    }
}

/// <summary>The states of a dead letter.</summary>
public static class DeadLetterStatus
{
    /// <summary>Waiting for an admin.</summary>
    public const int Open = 0;
    /// <summary>Replayed into the inbox.</summary>
    public const int Replayed = 1;
    /// <summary>Discarded by an admin.</summary>
    public const int Discarded = 2;

    /// <summary>The word the admin API uses.</summary>
    public static string Name(int status) => status switch { Replayed => "replayed", Discarded => "discarded", _ => "open" };
}

/// <summary>A refused delivery.</summary>
public sealed record DeadLetter
{
    /// <summary>The row id (0 before insert).</summary>
    public long Id { get; init; }
    /// <summary>The tenant it was sent to.</summary>
    public required string TenantId { get; init; }
    /// <summary>The webhook route's source.</summary>
    public required string Source { get; init; }
    /// <summary>Why it was refused (the 422 detail).</summary>
    public required string Reason { get; init; }
    /// <summary>The body exactly as received.</summary>
    public required byte[] RawBody { get; init; }
    /// <summary>The headers that matter, as JSON (never the signature secret, which we do not receive).</summary>
    public required string HeadersJson { get; init; }
    /// <summary>When it arrived.</summary>
    public long ReceivedAtMs { get; init; }
    /// <summary>0 open, 1 replayed, 2 discarded.</summary>
    public int Status { get; init; }
}

using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.CustomEvents;

/// <summary>
/// Remembers the answer given to each <c>Idempotency-Key</c> of a tenant with a hash of the request,
/// so that a retry gets the original answer and a reused key with another body is refused.
/// </summary>
public sealed class IdempotencyStore(Database database, TimeProvider clock)
{
    private const string Select = """
        SELECT request_hash AS RequestHash, status_code AS StatusCode, response_json AS ResponseJson
        FROM idempotency_keys WHERE tenant_id = @TenantId AND idem_key = @Key
        """;

    /// <summary>The remembered answer for a key, or null.</summary>
    public async Task<RememberedAnswer?> FindAsync(string tenantId, string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RememberedAnswer>(new CommandDefinition(Select, new { TenantId = tenantId, Key = key }, cancellationToken: ct));
    }

    private const string Insert = """
        INSERT INTO idempotency_keys (tenant_id, idem_key, request_hash, status_code, response_json, created_at_ms)
        SELECT @TenantId, @Key, @RequestHash, @StatusCode, @ResponseJson, @NowMs
        WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys WHERE tenant_id = @TenantId AND idem_key = @Key)
        """;

    /// <summary>
    /// Remembers an answer; when a concurrent request with the same key got there first, returns
    /// that one instead so both callers see one answer.
    /// </summary>
    public async Task<RememberedAnswer> RememberAsync(string tenantId, string key, RememberedAnswer answer, CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            var inserted = await connection.ExecuteAsync(new CommandDefinition(Insert, new
            {
                TenantId = tenantId,
                Key = key,
                answer.RequestHash,
                answer.StatusCode,
                answer.ResponseJson,
                NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: ct));
            if (inserted == 1)
            {
                return answer;
            }
        }
        catch (System.Data.Common.DbException)
        {
            // A racing insert of the same key hit the primary key; read the winner below.
        }
        return await FindAsync(tenantId, key, ct) ?? answer;
    }
}

/// <summary>An answer given to an idempotent request.</summary>
public sealed record RememberedAnswer(string RequestHash, long StatusCode, string ResponseJson);

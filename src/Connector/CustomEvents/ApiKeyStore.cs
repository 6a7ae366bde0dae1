using System.Security.Cryptography;
using System.Text;
using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.CustomEvents;

/// <summary>
/// Per-tenant API keys for the events API. A key is <c>hgk_</c> and 43 random characters; it is
/// shown once at creation and only its SHA-256 is stored, so a database leak does not leak keys.
/// </summary>
public sealed class ApiKeyStore(Database database, TimeProvider clock)
{
    /// <summary>Every key starts with this, so that a key is recognised in a header or a leaked file.</summary>
    public const string Prefix = "hgk_";

    private const string InsertSqlite = "INSERT INTO api_keys (tenant_id, name, prefix, key_hash, created_at_ms) VALUES (@TenantId, @Name, @Prefix, @KeyHash, @NowMs) RETURNING id";
    private const string InsertSqlServer = "INSERT INTO api_keys (tenant_id, name, prefix, key_hash, created_at_ms) OUTPUT inserted.id VALUES (@TenantId, @Name, @Prefix, @KeyHash, @NowMs);";

    /// <summary>Creates a key; the returned <see cref="CreatedApiKey.Key"/> is the only time it is visible.</summary>
    public async Task<CreatedApiKey> CreateAsync(string tenantId, string name, CancellationToken ct)
    {
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        var args = new { TenantId = tenantId, Name = name, Prefix = key[..12], KeyHash = Hash(key), NowMs = nowMs };
        var id = database.Provider == StorageProvider.SqlServer
            ? await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSqlServer, args, cancellationToken: ct))
            : await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSqlite, args, cancellationToken: ct));
        return new CreatedApiKey(new ApiKeyInfo(id, name, key[..12], nowMs, null), key);
    }

    private const string SelectByTenant = """
        SELECT id AS Id, name AS Name, prefix AS Prefix, created_at_ms AS CreatedAtMs, revoked_at_ms AS RevokedAtMs
        FROM api_keys WHERE tenant_id = @TenantId ORDER BY id
        """;

    /// <summary>The tenant's keys (never the keys themselves).</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<ApiKeyInfo>(new CommandDefinition(SelectByTenant, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }

    private const string Revoke = "UPDATE api_keys SET revoked_at_ms = @NowMs WHERE tenant_id = @TenantId AND id = @Id AND revoked_at_ms IS NULL";

    /// <summary>Revokes a key at once (there is no cache to wait for); false when no such live key.</summary>
    public async Task<bool> RevokeAsync(string tenantId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Revoke,
            new { TenantId = tenantId, Id = id, NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct)) == 1;
    }

    private const string SelectByHash = "SELECT id AS Id, tenant_id AS TenantId, key_hash AS KeyHash FROM api_keys WHERE key_hash = @KeyHash AND revoked_at_ms IS NULL";

    /// <summary>The live key matching <paramref name="key"/>, or null.</summary>
    public async Task<ApiKeyOwner?> VerifyAsync(string key, CancellationToken ct)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }
        var hash = Hash(key);
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(SelectByHash, new { KeyHash = hash }, cancellationToken: ct));
        // The lookup is by a hash the caller cannot steer; the final comparison is constant-time anyway.
        return row is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.KeyHash), Encoding.ASCII.GetBytes(hash))
            ? new ApiKeyOwner(row.Id, row.TenantId)
            : null;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed record KeyRow(long Id, string TenantId, string KeyHash);
}

/// <summary>A key as listed: its name, its first characters, and whether it is revoked.</summary>
public sealed record ApiKeyInfo(long Id, string Name, string Prefix, long CreatedAtMs, long? RevokedAtMs);

/// <summary>A new key and its one-time clear text.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);

/// <summary>The tenant a verified key belongs to.</summary>
public sealed record ApiKeyOwner(long KeyId, string TenantId);

using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>A tenant's outbound webhook subscriptions. Secrets are encrypted at rest and never returned.</summary>
public sealed class WebhookSubscriptionStore(Database database, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("HelpdeskGamify.WebhookSubscriptions.v1");

    private const string InsertSqlite = """
        INSERT INTO webhook_subscriptions (tenant_id, url, event_types, secret_protected, status, created_at_ms, updated_at_ms)
        VALUES (@TenantId, @Url, @EventTypes, @SecretProtected, 'active', @NowMs, @NowMs) RETURNING id
        """;
    private const string InsertSqlServer = """
        INSERT INTO webhook_subscriptions (tenant_id, url, event_types, secret_protected, status, created_at_ms, updated_at_ms)
        OUTPUT inserted.id VALUES (@TenantId, @Url, @EventTypes, @SecretProtected, 'active', @NowMs, @NowMs);
        """;

    /// <summary>Creates an active subscription; returns its id.</summary>
    public async Task<long> CreateAsync(string tenantId, string url, IReadOnlyList<string> eventTypes, string secret, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var args = new { TenantId = tenantId, Url = url, EventTypes = JsonSerializer.Serialize(eventTypes), SecretProtected = _protector.Protect(secret), NowMs = Now() };
        return database.Provider == StorageProvider.SqlServer
            ? await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSqlServer, args, cancellationToken: ct))
            : await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSqlite, args, cancellationToken: ct));
    }

    private const string Update = """
        UPDATE webhook_subscriptions
        SET url = @Url, event_types = @EventTypes, secret_protected = COALESCE(@SecretProtected, secret_protected), updated_at_ms = @NowMs
        WHERE tenant_id = @TenantId AND id = @Id AND status <> 'deleted'
        """;

    /// <summary>Changes the URL and event types, and the secret when one is given.</summary>
    public async Task<bool> UpdateAsync(string tenantId, long id, string url, IReadOnlyList<string> eventTypes, string? secret, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Update, new
        {
            TenantId = tenantId, Id = id, Url = url, EventTypes = JsonSerializer.Serialize(eventTypes),
            SecretProtected = secret is null ? null : _protector.Protect(secret), NowMs = Now(),
        }, cancellationToken: ct)) == 1;
    }

    private const string SetStatus = """
        UPDATE webhook_subscriptions
        SET status = @Status, failing_since_ms = NULL, paused_at_ms = NULL, pause_reason = NULL, updated_at_ms = @NowMs
        WHERE tenant_id = @TenantId AND id = @Id AND status <> 'deleted'
        """;

    /// <summary>Deletes (deliveries stop; the log stays) or resumes a paused subscription.</summary>
    public async Task<bool> SetStatusAsync(string tenantId, long id, string status, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(SetStatus, new { TenantId = tenantId, Id = id, Status = status, NowMs = Now() }, cancellationToken: ct)) == 1;
    }

    private const string SelectColumns = """
        SELECT id AS Id, tenant_id AS TenantId, url AS Url, event_types AS EventTypesJson, status AS Status,
               failing_since_ms AS FailingSinceMs, paused_at_ms AS PausedAtMs, pause_reason AS PauseReason,
               created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs
        FROM webhook_subscriptions
        """;

    private const string SelectByTenant = SelectColumns + " WHERE tenant_id = @TenantId AND status <> 'deleted' ORDER BY id";

    /// <summary>The tenant's subscriptions (not deleted ones).</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<WebhookSubscription>(new CommandDefinition(SelectByTenant, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }

    private const string SelectOne = SelectColumns + " WHERE tenant_id = @TenantId AND id = @Id AND status <> 'deleted'";

    /// <summary>One subscription, or null.</summary>
    public async Task<WebhookSubscription?> FindAsync(string tenantId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<WebhookSubscription>(new CommandDefinition(SelectOne, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    /// <summary>The clear secret of a stored one.</summary>
    public string Unprotect(string secretProtected) => _protector.Unprotect(secretProtected);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}

/// <summary>A subscription as stored, without its secret.</summary>
public sealed class WebhookSubscription
{
    /// <summary>The id.</summary>
    public long Id { get; init; }
    /// <summary>The tenant.</summary>
    public string TenantId { get; init; } = "";
    /// <summary>Where events are posted.</summary>
    public string Url { get; init; } = "";
    /// <summary>The subscribed types as a JSON array.</summary>
    public string EventTypesJson { get; init; } = "[]";
    /// <summary>active or paused.</summary>
    public string Status { get; init; } = "";
    /// <summary>Since when every attempt has failed, if the last one failed.</summary>
    public long? FailingSinceMs { get; init; }
    /// <summary>When it was paused.</summary>
    public long? PausedAtMs { get; init; }
    /// <summary>Why it was paused.</summary>
    public string? PauseReason { get; init; }
    /// <summary>Created at.</summary>
    public long CreatedAtMs { get; init; }
    /// <summary>Last changed at.</summary>
    public long UpdatedAtMs { get; init; }

    /// <summary>The subscribed types.</summary>
    public IReadOnlyList<string> EventTypes => JsonSerializer.Deserialize<List<string>>(EventTypesJson) ?? [];

    /// <summary>Whether an event of <paramref name="eventType"/> goes to this subscription.</summary>
    public bool Wants(string eventType) => EventTypes.Any(t => t == "*" || t == eventType);
}

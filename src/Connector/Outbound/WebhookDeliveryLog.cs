using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>What the admin sees of deliveries: the log per subscription, each attempt, and manual redelivery.</summary>
public sealed class WebhookDeliveryLog(Database database, TimeProvider clock)
{
    private const string PageSqlite = """
        SELECT id AS Id, outbox_event_id AS EventId, event_type AS EventType, status AS Status, attempts AS Attempts,
               next_attempt_at_ms AS NextAttemptAtMs, last_attempt_at_ms AS LastAttemptAtMs, last_status_code AS LastStatusCode,
               last_error AS LastError, delivered_at_ms AS DeliveredAtMs, created_at_ms AS CreatedAtMs
        FROM webhook_deliveries
        WHERE tenant_id = @TenantId AND subscription_id = @SubscriptionId AND id < @Before
        ORDER BY id DESC
        LIMIT @Limit
        """;
    private const string PageSqlServer = """
        SELECT TOP (@Limit) id AS Id, outbox_event_id AS EventId, event_type AS EventType, status AS Status, attempts AS Attempts,
               next_attempt_at_ms AS NextAttemptAtMs, last_attempt_at_ms AS LastAttemptAtMs, last_status_code AS LastStatusCode,
               last_error AS LastError, delivered_at_ms AS DeliveredAtMs, created_at_ms AS CreatedAtMs
        FROM webhook_deliveries
        WHERE tenant_id = @TenantId AND subscription_id = @SubscriptionId AND id < @Before
        ORDER BY id DESC;
        """;

    /// <summary>A subscription's deliveries before <paramref name="before"/>, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryView>> ListAsync(string tenantId, long subscriptionId, long before, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var args = new { TenantId = tenantId, SubscriptionId = subscriptionId, Before = before, Limit = limit };
        return (database.Provider == StorageProvider.SqlServer
            ? await connection.QueryAsync<DeliveryView>(new CommandDefinition(PageSqlServer, args, cancellationToken: ct))
            : await connection.QueryAsync<DeliveryView>(new CommandDefinition(PageSqlite, args, cancellationToken: ct))).AsList();
    }

    private const string SelectAttempts = """
        SELECT a.attempted_at_ms AS AttemptedAtMs, a.status_code AS StatusCode, a.error AS Error, a.duration_ms AS DurationMs
        FROM webhook_delivery_attempts a
        JOIN webhook_deliveries d ON d.id = a.delivery_id AND d.tenant_id = a.tenant_id
        WHERE a.tenant_id = @TenantId AND a.delivery_id = @DeliveryId AND d.subscription_id = @SubscriptionId
        ORDER BY a.id
        """;

    /// <summary>Every attempt of one delivery, oldest first.</summary>
    public async Task<IReadOnlyList<AttemptView>> AttemptsAsync(string tenantId, long subscriptionId, long deliveryId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<AttemptView>(new CommandDefinition(SelectAttempts,
            new { TenantId = tenantId, SubscriptionId = subscriptionId, DeliveryId = deliveryId }, cancellationToken: ct))).AsList();
    }

    private const string Redeliver = """
        UPDATE webhook_deliveries SET status = 'pending', next_attempt_at_ms = @NowMs, window_start_ms = @NowMs, lease_until_ms = NULL
        WHERE tenant_id = @TenantId AND subscription_id = @SubscriptionId AND id = @DeliveryId
        """;

    /// <summary>Sends a delivery again as soon as possible, with a fresh retry window; false when there is no such delivery.</summary>
    public async Task<bool> RedeliverAsync(string tenantId, long subscriptionId, long deliveryId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Redeliver, new
        {
            TenantId = tenantId, SubscriptionId = subscriptionId, DeliveryId = deliveryId, NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken: ct)) == 1;
    }
}

/// <summary>One delivery in the log.</summary>
public sealed record DeliveryView(long Id, long EventId, string EventType, string Status, long Attempts, long NextAttemptAtMs,
    long? LastAttemptAtMs, long? LastStatusCode, string? LastError, long? DeliveredAtMs, long CreatedAtMs);

/// <summary>One attempt of a delivery.</summary>
public sealed record AttemptView(long AttemptedAtMs, long? StatusCode, string? Error, long DurationMs);

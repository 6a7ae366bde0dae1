using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>
/// Outbox fan-out and the delivery log. Every state change is a conditional update, so two nodes
/// working the same outbox never fan out an event twice or send one delivery at the same time.
/// </summary>
public sealed class WebhookDeliveryStore(Database database)
{
    private const string SubscriptionsOfTenant = """
        SELECT id AS Id, tenant_id AS TenantId, url AS Url, event_types AS EventTypesJson, status AS Status
        FROM webhook_subscriptions WHERE tenant_id = @TenantId AND status <> 'deleted'
        """;
    private const string NewEventsSqlite = """
        SELECT id, tenant_id, event_type FROM outbox_events WHERE fanned_out = 0 ORDER BY id
        LIMIT @Limit
        """;
    private const string NewEventsSqlServer = """
        SELECT TOP (@Limit) id, tenant_id, event_type FROM outbox_events WHERE fanned_out = 0 ORDER BY id;
        """;
    private const string ClaimEvent = "UPDATE outbox_events SET fanned_out = 1 WHERE id = @Id AND tenant_id = @TenantId AND fanned_out = 0";
    private const string InsertDelivery = """
        INSERT INTO webhook_deliveries (tenant_id, subscription_id, outbox_event_id, event_type, status, attempts, next_attempt_at_ms, window_start_ms, created_at_ms)
        VALUES (@TenantId, @SubscriptionId, @EventId, @EventType, 'pending', 0, @NowMs, @NowMs, @NowMs)
        """;

    /// <summary>Turns up to <paramref name="limit"/> new outbox events into deliveries for the subscriptions that want them; returns how many events it took.</summary>
    public async Task<int> FanOutAsync(long nowMs, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var top = new { Limit = limit };
        var events = (database.Provider == StorageProvider.SqlServer
            ? await connection.QueryAsync<(long Id, string TenantId, string EventType)>(new CommandDefinition(NewEventsSqlServer, top, cancellationToken: ct))
            : await connection.QueryAsync<(long Id, string TenantId, string EventType)>(new CommandDefinition(NewEventsSqlite, top, cancellationToken: ct))).AsList();
        if (events.Count == 0)
        {
            return 0;
        }
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var subscriptions = new Dictionary<string, List<WebhookSubscription>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(ClaimEvent, new { e.Id, e.TenantId }, tx, cancellationToken: ct)) == 0)
            {
                continue;
            }
            if (!subscriptions.TryGetValue(e.TenantId, out var ofTenant))
            {
                ofTenant = (await connection.QueryAsync<WebhookSubscription>(new CommandDefinition(SubscriptionsOfTenant, new { e.TenantId }, tx, cancellationToken: ct))).AsList();
                subscriptions[e.TenantId] = ofTenant;
            }
            foreach (var s in ofTenant.Where(s => s.Wants(e.EventType)))
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertDelivery,
                    new { e.TenantId, SubscriptionId = s.Id, EventId = e.Id, e.EventType, NowMs = nowMs }, tx, cancellationToken: ct));
            }
        }
        await tx.CommitAsync(ct);
        return events.Count;
    }

    private const string DueSqlite = """
        SELECT d.id AS Id, d.tenant_id AS TenantId, d.subscription_id AS SubscriptionId, d.outbox_event_id AS EventId, d.event_type AS EventType,
               d.attempts AS Attempts, d.window_start_ms AS WindowStartMs, s.url AS Url, s.secret_protected AS SecretProtected,
               o.payload_json AS PayloadJson, o.created_at_ms AS EventCreatedAtMs
        FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.tenant_id = d.tenant_id
        JOIN outbox_events o ON o.id = d.outbox_event_id AND o.tenant_id = d.tenant_id
        WHERE d.status = 'pending' AND d.next_attempt_at_ms <= @NowMs AND (d.lease_until_ms IS NULL OR d.lease_until_ms < @NowMs)
          AND s.status = 'active'
        ORDER BY d.next_attempt_at_ms, d.id
        LIMIT @Limit
        """;
    private const string DueSqlServer = """
        SELECT TOP (@Limit) d.id AS Id, d.tenant_id AS TenantId, d.subscription_id AS SubscriptionId, d.outbox_event_id AS EventId, d.event_type AS EventType,
               d.attempts AS Attempts, d.window_start_ms AS WindowStartMs, s.url AS Url, s.secret_protected AS SecretProtected,
               o.payload_json AS PayloadJson, o.created_at_ms AS EventCreatedAtMs
        FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.tenant_id = d.tenant_id
        JOIN outbox_events o ON o.id = d.outbox_event_id AND o.tenant_id = d.tenant_id
        WHERE d.status = 'pending' AND d.next_attempt_at_ms <= @NowMs AND (d.lease_until_ms IS NULL OR d.lease_until_ms < @NowMs)
          AND s.status = 'active'
        ORDER BY d.next_attempt_at_ms, d.id;
        """;
    private const string Claim = """
        UPDATE webhook_deliveries SET lease_until_ms = @LeaseUntilMs
        WHERE id = @Id AND tenant_id = @TenantId AND status = 'pending' AND (lease_until_ms IS NULL OR lease_until_ms < @NowMs)
        """;

    /// <summary>Claims up to <paramref name="limit"/> due deliveries of active subscriptions until <paramref name="leaseUntilMs"/>.</summary>
    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(long nowMs, long leaseUntilMs, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var dueArgs = new { NowMs = nowMs, Limit = limit };
        var due = database.Provider == StorageProvider.SqlServer
            ? await connection.QueryAsync<DueDelivery>(new CommandDefinition(DueSqlServer, dueArgs, cancellationToken: ct))
            : await connection.QueryAsync<DueDelivery>(new CommandDefinition(DueSqlite, dueArgs, cancellationToken: ct));
        var claimed = new List<DueDelivery>();
        using var turn = await database.EnterWriteAsync(ct);
        foreach (var d in due)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(Claim, new { d.Id, d.TenantId, NowMs = nowMs, LeaseUntilMs = leaseUntilMs }, cancellationToken: ct)) == 1)
            {
                claimed.Add(d);
            }
        }
        return claimed;
    }

    private const string InsertAttempt = """
        INSERT INTO webhook_delivery_attempts (tenant_id, delivery_id, attempted_at_ms, status_code, error, duration_ms)
        VALUES (@TenantId, @Id, @NowMs, @StatusCode, @Error, @DurationMs)
        """;
    private const string Succeeded = """
        UPDATE webhook_deliveries SET status = 'succeeded', attempts = attempts + 1, last_attempt_at_ms = @NowMs, last_status_code = @StatusCode,
            last_error = NULL, delivered_at_ms = @NowMs, lease_until_ms = NULL
        WHERE id = @Id AND tenant_id = @TenantId
        """;
    private const string Healthy = "UPDATE webhook_subscriptions SET failing_since_ms = NULL WHERE id = @SubscriptionId AND tenant_id = @TenantId";
    private const string Failed = """
        UPDATE webhook_deliveries SET status = @Status, attempts = attempts + 1, last_attempt_at_ms = @NowMs, last_status_code = @StatusCode,
            last_error = @Error, next_attempt_at_ms = @NextAttemptAtMs, lease_until_ms = NULL
        WHERE id = @Id AND tenant_id = @TenantId
        """;
    private const string Failing = "UPDATE webhook_subscriptions SET failing_since_ms = COALESCE(failing_since_ms, @NowMs) WHERE id = @SubscriptionId AND tenant_id = @TenantId";
    private const string Pause = """
        UPDATE webhook_subscriptions SET status = 'paused', paused_at_ms = @NowMs, pause_reason = @Reason
        WHERE id = @SubscriptionId AND tenant_id = @TenantId AND status = 'active' AND failing_since_ms <= @FailingBeforeMs
        """;

    /// <summary>Records an attempt's result; returns true when this failure paused the subscription.</summary>
    public async Task<bool> RecordAsync(DueDelivery d, AttemptResult result, long nowMs, long? nextAttemptAtMs, long pauseIfFailingBeforeMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var reason = $"No successful delivery since {DateTimeOffset.FromUnixTimeMilliseconds(nowMs):u}; last: {result.Describe()}";
        await connection.ExecuteAsync(new CommandDefinition(InsertAttempt,
            new { d.TenantId, d.Id, NowMs = nowMs, result.StatusCode, result.Error, result.DurationMs }, tx, cancellationToken: ct));
        var paused = false;
        if (result.Success)
        {
            await connection.ExecuteAsync(new CommandDefinition(Succeeded, new { d.Id, d.TenantId, NowMs = nowMs, result.StatusCode }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(Healthy, new { d.SubscriptionId, d.TenantId }, tx, cancellationToken: ct));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(Failed, new
            {
                d.Id, d.TenantId, NowMs = nowMs, result.StatusCode, result.Error,
                Status = nextAttemptAtMs is null ? "failed" : "pending", NextAttemptAtMs = nextAttemptAtMs ?? nowMs,
            }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(Failing, new { d.SubscriptionId, d.TenantId, NowMs = nowMs }, tx, cancellationToken: ct));
            paused = await connection.ExecuteAsync(new CommandDefinition(Pause, new
            {
                d.SubscriptionId, d.TenantId, NowMs = nowMs, FailingBeforeMs = pauseIfFailingBeforeMs, Reason = reason,
            }, tx, cancellationToken: ct)) == 1;
        }
        await tx.CommitAsync(ct);
        return paused;
    }
}

/// <summary>A delivery ready to send, with what it takes to send it.</summary>
public sealed class DueDelivery
{
    /// <summary>The delivery id.</summary>
    public long Id { get; init; }
    /// <summary>The tenant.</summary>
    public string TenantId { get; init; } = "";
    /// <summary>The subscription.</summary>
    public long SubscriptionId { get; init; }
    /// <summary>The outbox event id (the <c>id</c> receivers deduplicate on).</summary>
    public long EventId { get; init; }
    /// <summary>The event type.</summary>
    public string EventType { get; init; } = "";
    /// <summary>Attempts so far.</summary>
    public long Attempts { get; init; }
    /// <summary>When the retry window started (creation or the last manual redelivery).</summary>
    public long WindowStartMs { get; init; }
    /// <summary>The target URL.</summary>
    public string Url { get; init; } = "";
    /// <summary>The encrypted secret.</summary>
    public string SecretProtected { get; init; } = "";
    /// <summary>The event's data.</summary>
    public string PayloadJson { get; init; } = "{}";
    /// <summary>When the event was written.</summary>
    public long EventCreatedAtMs { get; init; }
}

/// <summary>The result of one attempt.</summary>
public sealed record AttemptResult(int? StatusCode, string? Error, long DurationMs)
{
    /// <summary>Any 2xx is success; redirects are failures because they are never followed.</summary>
    public bool Success => StatusCode is >= 200 and < 300;

    /// <summary>A short description for logs and the pause reason.</summary>
    public string Describe() => StatusCode is { } code ? $"HTTP {code}" : Error ?? "no answer";
}

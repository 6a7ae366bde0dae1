using Dapper;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>
/// Keeps the outbox, the delivery log and remembered idempotency answers from growing forever:
/// hourly, it deletes what is older than <see cref="OutboundWebhookOptions.LogRetention"/> and no
/// longer pending, and idempotency keys older than <see cref="IdempotencyKeyLifetime"/>.
/// </summary>
public sealed class IntegrationHousekeeping(Database database, IOptions<OutboundWebhookOptions> options, TimeProvider clock,
    ILogger<IntegrationHousekeeping> logger) : BackgroundService
{
    /// <summary>How long an <c>Idempotency-Key</c> is remembered.</summary>
    public static readonly TimeSpan IdempotencyKeyLifetime = TimeSpan.FromDays(7);

    private const string DeleteAttempts = "DELETE FROM webhook_delivery_attempts WHERE attempted_at_ms < @BeforeMs";
    private const string DeleteDeliveries = "DELETE FROM webhook_deliveries WHERE created_at_ms < @BeforeMs AND status <> 'pending'";
    private const string DeleteEvents = """
        DELETE FROM outbox_events
        WHERE created_at_ms < @BeforeMs AND fanned_out = 1
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.outbox_event_id = outbox_events.id AND d.tenant_id = outbox_events.tenant_id)
        """;
    private const string DeleteKeys = "DELETE FROM idempotency_keys WHERE created_at_ms < @KeysBeforeMs";

    /// <summary>Deletes what has expired; returns how many rows went.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = new { BeforeMs = (now - options.Value.LogRetention).ToUnixTimeMilliseconds() };
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        var deleted = 0;
        deleted += await connection.ExecuteAsync(new CommandDefinition(DeleteAttempts, before, commandTimeout: 300, cancellationToken: ct));
        deleted += await connection.ExecuteAsync(new CommandDefinition(DeleteDeliveries, before, commandTimeout: 300, cancellationToken: ct));
        deleted += await connection.ExecuteAsync(new CommandDefinition(DeleteEvents, before, commandTimeout: 300, cancellationToken: ct));
        deleted += await connection.ExecuteAsync(new CommandDefinition(DeleteKeys,
            new { KeysBeforeMs = (now - IdempotencyKeyLifetime).ToUnixTimeMilliseconds() }, commandTimeout: 300, cancellationToken: ct));
        return deleted;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var deleted = await SweepAsync(stoppingToken);
                    logger.LogDebug("Integration housekeeping deleted {Count} expired rows", deleted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Integration housekeeping failed; trying again in an hour");
                }
                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

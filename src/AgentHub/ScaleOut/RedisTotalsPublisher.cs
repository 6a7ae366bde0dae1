using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring;
using StackExchange.Redis;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// Publishes this node's committed totals and board evictions to the other nodes (fire and forget:
/// the database has them already; a node that misses a message reloads its boards when its Redis
/// connection comes back).
/// </summary>
public sealed class RedisTotalsPublisher(RedisConnection redis, NodeIdentity node, ILogger<RedisTotalsPublisher> logger)
    : ITotalsFanout, IBoardEvictionFanout
{
    /// <inheritdoc />
    public void Publish(IReadOnlyList<TotalChange> changes) =>
        _ = PublishAsync(TotalsMessage.From(node.Id, changes), $"{changes.Count} leaderboard totals");

    /// <inheritdoc />
    public void Publish(string tenantId, string board) =>
        _ = PublishAsync(TotalsMessage.Eviction(node.Id, tenantId, board), $"the eviction of board {board}");

    private async Task PublishAsync(TotalsMessage message, string what)
    {
        try
        {
            var multiplexer = await redis.GetAsync();
            await multiplexer.GetSubscriber().PublishAsync(redis.Channel(TotalsMessage.ChannelName), message.ToJson(), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Other nodes heal on their next reconnect or reload; scoring must not fail for this.
            logger.LogWarning(ex, "Could not publish {What} to the other nodes", what);
        }
    }
}

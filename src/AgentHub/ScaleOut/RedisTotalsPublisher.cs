using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring;
using StackExchange.Redis;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>Publishes this node's committed totals to the other nodes (fire and forget: the ledger is committed already).</summary>
public sealed class RedisTotalsPublisher(RedisConnection redis, NodeIdentity node, ILogger<RedisTotalsPublisher> logger) : ITotalsFanout
{
    /// <inheritdoc />
    public void Publish(IReadOnlyList<TotalChange> changes) => _ = PublishAsync(changes);

    private async Task PublishAsync(IReadOnlyList<TotalChange> changes)
    {
        try
        {
            var multiplexer = await redis.GetAsync();
            await multiplexer.GetSubscriber().PublishAsync(redis.Channel(TotalsMessage.ChannelName),
                TotalsMessage.From(node.Id, changes).ToJson(), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Other nodes heal on their next reconnect or reload; scoring must not fail for this.
            logger.LogWarning(ex, "Could not publish {Count} leaderboard totals to the other nodes", changes.Count);
        }
    }
}

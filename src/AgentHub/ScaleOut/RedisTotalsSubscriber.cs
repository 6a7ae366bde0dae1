using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring;
using StackExchange.Redis;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// Applies the other nodes' committed totals to this node's in-memory boards. Pub/sub is at most once,
/// so after a lost connection every board is dropped and reloads from <c>leaderboard_totals</c> on
/// its next read: what was missed cannot linger.
/// </summary>
public sealed class RedisTotalsSubscriber(RedisConnection redis, LeaderboardIndex index, NodeIdentity node,
    ILogger<RedisTotalsSubscriber> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var multiplexer = await redis.GetAsync();
        multiplexer.ConnectionRestored += (_, e) =>
        {
            logger.LogWarning("Redis connection restored ({Type}); reloading leaderboards", e.ConnectionType);
            index.Invalidate();
        };
        var queue = await multiplexer.GetSubscriber().SubscribeAsync(redis.Channel(TotalsMessage.ChannelName));
        queue.OnMessage(message =>
        {
            var totals = TotalsMessage.Parse(message.Message.ToString());
            if (totals is not null && totals.Origin != node.Id)
            {
                index.ApplyRemote(totals.Changes());
            }
        });
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

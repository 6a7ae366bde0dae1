using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring;
using StackExchange.Redis;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// Applies the other nodes' committed totals and board evictions to this node's in-memory boards.
/// Pub/sub is at most once, so after a lost connection every board is dropped and reloads from
/// <c>leaderboard_totals</c> on its next read: what was missed cannot linger.
/// </summary>
/// <remarks>
/// The drop must come after the subscription is live again, or a commit published between a reload
/// and the re-subscription would be missed for good. The library re-subscribes on its own, in its
/// own time, so after a restore the node sends itself probes on the channel and drops its boards
/// (again) once one comes back.
/// </remarks>
public sealed class RedisTotalsSubscriber(RedisConnection redis, LeaderboardIndex index, NodeIdentity node,
    ILogger<RedisTotalsSubscriber> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _probes = new();

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var multiplexer = await redis.GetAsync();
        multiplexer.ConnectionFailed += (_, e) =>
            logger.LogWarning("Redis connection lost ({Type}, {Failure}); boards may miss other nodes' commits until it returns", e.ConnectionType, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            logger.LogWarning("Redis connection restored ({Type}); reloading leaderboards", e.ConnectionType);
            index.Invalidate();
            _ = ResyncAsync(multiplexer);
        };
        var queue = await multiplexer.GetSubscriber().SubscribeAsync(redis.Channel(TotalsMessage.ChannelName));
        queue.OnMessage(message => Receive(TotalsMessage.Parse(message.Message.ToString())));
    }

    private void Receive(TotalsMessage? message)
    {
        if (message is null)
        {
            return;
        }
        if (message.Origin == node.Id)
        {
            if (message.Probe is { } nonce && _probes.TryGetValue(nonce, out var heard))
            {
                heard.TrySetResult();
            }
            return;
        }
        index.ApplyRemote(message.Changes());
        foreach (var board in message.Evict ?? [])
        {
            index.Evict(board.T, board.B);
        }
    }

    /// <summary>Probes until this node hears itself on the channel, then drops every board once more.</summary>
    private async Task ResyncAsync(ConnectionMultiplexer multiplexer)
    {
        var subscriber = multiplexer.GetSubscriber();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var nonce = Guid.NewGuid().ToString("n");
                var heard = _probes.GetOrAdd(nonce, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                try
                {
                    await subscriber.PublishAsync(redis.Channel(TotalsMessage.ChannelName), TotalsMessage.ProbeOf(node.Id, nonce).ToJson());
                    await heard.Task.WaitAsync(ProbeInterval, _stopping.Token);
                    index.Invalidate();
                    logger.LogInformation("Subscribed to the other nodes' totals again; leaderboards reload from the database");
                    return;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    await Task.Delay(ProbeInterval, _stopping.Token);
                }
                finally
                {
                    _probes.TryRemove(nonce, out _);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync();

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();
}

using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Scoring;
using StackExchange.Redis;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// Wakes the other nodes' scorers when this node commits webhooks: the tenant's lease holder may be
/// another node, which would otherwise notice the rows only at its next idle poll (a second later).
/// A lost pulse costs only that second; the poll remains the safety net.
/// </summary>
public sealed class RedisInboxPulse(RedisConnection redis, InboxSignal signal, NodeIdentity node, ILogger<RedisInboxPulse> logger) : IHostedService
{
    private const string ChannelName = "inbox-committed";
    private ISubscriber? _subscriber;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriber = (await redis.GetAsync()).GetSubscriber();
        var queue = await _subscriber.SubscribeAsync(redis.Channel(ChannelName));
        queue.OnMessage(message =>
        {
            if (message.Message != node.Id)
            {
                signal.Wake();
            }
        });
        signal.Committed += Publish;
    }

    private void Publish()
    {
        try
        {
            _subscriber?.Publish(redis.Channel(ChannelName), node.Id, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogDebug(ex, "Could not wake the other nodes");
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Committed -= Publish;
        return Task.CompletedTask;
    }
}

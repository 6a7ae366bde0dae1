using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// The node's one multiplexer for its own channels (SignalR's backplane keeps its own). Connects on
/// first use and keeps retrying in the background, so a Redis restart does not take the node down.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(() => ConnectAsync(options.Value));

    /// <summary>The connected multiplexer.</summary>
    public Task<ConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    /// <summary>A channel name under the configured prefix.</summary>
    public RedisChannel Channel(string name) => RedisChannel.Literal($"{options.Value.ChannelPrefix}:{name}");

    private static Task<ConnectionMultiplexer> ConnectAsync(RedisOptions o)
    {
        var configuration = ConfigurationOptions.Parse(o.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "helpdeskgamify";
        return ConnectionMultiplexer.ConnectAsync(configuration);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }
}

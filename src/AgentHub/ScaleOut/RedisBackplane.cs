using StackExchange.Redis;
using SignalROptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// SignalR's own Redis multiplexer, kept so that <c>/health/ready</c> can say whether pushes cross
/// nodes: it reconnects on its own schedule, independently of <see cref="RedisConnection"/>.
/// </summary>
public sealed class RedisBackplane
{
    private volatile IConnectionMultiplexer? _multiplexer;

    /// <summary>Whether SignalR has connected at least once (it connects on first use).</summary>
    public bool Started => _multiplexer is not null;

    /// <summary>Whether SignalR's connection to Redis is up now.</summary>
    public bool IsConnected => _multiplexer?.IsConnected ?? false;

    /// <summary>
    /// Makes SignalR connect through us. Fail-fast backlog: while Redis is away a push fails at once
    /// instead of waiting 5 s in the library's backlog, so the scorer (which awaits its pushes after
    /// each commit) keeps its pace; pushes lost meanwhile are caught up by clients on reconnect.
    /// </summary>
    public void Configure(SignalROptions options)
    {
        options.Configuration.AbortOnConnectFail = false;
        options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectionFactory = async log =>
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(options.Configuration, log);
            _multiplexer = multiplexer;
            return multiplexer;
        };
    }
}

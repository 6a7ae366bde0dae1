using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using HelpdeskGamify.Connector.Leaderboards;
using StackExchange.Redis;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// With <c>Redis:ConnectionString</c> set, the node runs as one of many: SignalR messages cross nodes
/// over the Redis backplane and committed leaderboard totals (and board evictions after an erase)
/// reach every node's in-memory boards.
/// Without it, nothing here is registered and the node runs alone.
/// </summary>
public static class ScaleOutServiceCollectionExtensions
{
    /// <summary>Adds the backplane and the totals fan-out when Redis is configured.</summary>
    public static IHostApplicationBuilder AddScaleOut(this IHostApplicationBuilder builder, ISignalRServerBuilder signalR)
    {
        var services = builder.Services;
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        services.AddSingleton<LeaderboardEvictions>();
        services.TryAddSingleton<IBoardEvictionFanout, NoBoardEvictionFanout>();
        var redis = builder.Configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(redis.ConnectionString))
        {
            return builder;
        }
        var backplane = new RedisBackplane();
        signalR.AddStackExchangeRedis(redis.ConnectionString, o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal(redis.ChannelPrefix + ":signalr");
            backplane.Configure(o);
        });
        services.AddSingleton(backplane);
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<RedisTotalsPublisher>();
        services.AddSingleton<ITotalsFanout>(sp => sp.GetRequiredService<RedisTotalsPublisher>());
        services.AddSingleton<IBoardEvictionFanout>(sp => sp.GetRequiredService<RedisTotalsPublisher>());
        services.AddHostedService<RedisTotalsSubscriber>();
        services.AddHostedService<RedisInboxPulse>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        return builder;
    }
}

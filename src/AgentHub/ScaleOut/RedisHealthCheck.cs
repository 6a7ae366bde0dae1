using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// Reports Redis on <c>/health/ready</c> as degraded, never unhealthy: without Redis a node still
/// takes webhooks and scores (the database is what matters), only pushes and boards stop crossing
/// nodes, so taking the node out of the load balancer would do more harm than good. Both of the
/// node's connections count: its own (board totals, erasures, inbox pulses) and SignalR's (pushes).
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis, RedisBackplane backplane) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var multiplexer = await redis.GetAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        if (!multiplexer.IsConnected)
        {
            return HealthCheckResult.Degraded("Redis unreachable: pushes and leaderboards do not cross nodes until it returns.");
        }
        if (backplane.Started && !backplane.IsConnected)
        {
            return HealthCheckResult.Degraded("Redis unreachable by the SignalR backplane: pushes do not cross nodes until it reconnects.");
        }
        return HealthCheckResult.Healthy("Redis connected.");
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>
/// Loads the biggest boards of the current periods into <see cref="LeaderboardIndex"/> once the node
/// has started, so that the first reader does not pay for a million-member load. It runs after the
/// host reports started and never gates <c>/health/ready</c>: a read that arrives first simply joins
/// the load in progress (or starts its own), exactly as without warm-up.
/// </summary>
public sealed class LeaderboardWarmup(LeaderboardIndex index, IBoardWarmupPlan plan, IHostApplicationLifetime lifetime,
    IOptions<LeaderboardOptions> options, TimeProvider clock, ILogger<LeaderboardWarmup> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var budget = options.Value.WarmUpMembers;
        if (budget <= 0)
        {
            return;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }
        try
        {
            var boards = await plan.BoardsAsync(LeaderboardPeriods.KeysAt(clock.GetUtcNow()).ToList(), stoppingToken);
            var loaded = 0;
            foreach (var (board, members) in boards)
            {
                if (members > budget - loaded)
                {
                    continue;
                }
                await index.WarmAsync(board, stoppingToken);
                loaded += members;
            }
            logger.LogInformation("Leaderboards warmed: {Members} members", loaded);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a head start is lost: every board still loads on its first read.
            logger.LogWarning(ex, "Warming the leaderboards failed");
        }
    }
}

using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Hosting;

/// <summary>
/// The loop of a polling background worker: runs rounds until the host stops, straight away again
/// while a round reports more work waiting, otherwise after the poll interval. A failed round is
/// logged and retried after the interval, so one bad round never stops the worker.
/// </summary>
internal static class PollingLoop
{
    /// <summary>Runs <paramref name="round"/> (true: more work may be waiting) until <paramref name="stoppingToken"/> fires.</summary>
    public static async Task RunAsync(string worker, Func<CancellationToken, Task<bool>> round, Func<TimeSpan> pollInterval,
        TimeProvider clock, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await round(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Worker} round failed; retrying shortly", worker);
            }
            if (!busy)
            {
                try
                {
                    await Task.Delay(pollInterval(), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

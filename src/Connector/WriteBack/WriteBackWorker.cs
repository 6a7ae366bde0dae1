using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Outbound;
using HelpdeskGamify.Connector.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.WriteBack;

/// <summary>
/// Runs write-back jobs after their redemption committed: claims due jobs under a lease, calls the
/// helpdesk (whose client already retries 429 and 5xx within one attempt, honouring
/// <c>Retry-After</c>), and settles each job: succeeded; skipped when there is nothing it could ever
/// do (no API credentials, customer unknown); pending again with backoff when the helpdesk was
/// down or rate limited; failed after <see cref="WriteBackOptions.MaxAttempts"/> or on a refusal.
/// The helpdesk calls are idempotent, so a job repeated after a crash changes nothing twice.
/// </summary>
public sealed class WriteBackWorker(
    WriteBackJobStore jobs,
    IHelpdeskWriteBack helpdesk,
    IOptions<WriteBackOptions> options,
    TimeProvider clock,
    ILogger<WriteBackWorker> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? PollingLoop.RunAsync("Helpdesk write-back", RunOnceAsync, () => options.Value.PollInterval, clock, logger, stoppingToken)
            : Task.CompletedTask;

    /// <summary>One round: claim what is due and run it. True when there may be more due right away.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var claimed = await jobs.ClaimDueAsync(now, now + (long)options.Value.Lease.TotalMilliseconds, Batch, ct);
        foreach (var job in claimed)
        {
            var outcome = await RunAsync(job, ct);
            if (!await jobs.SettleAsync(job, outcome, clock.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None))
            {
                logger.LogWarning("Write-back {Job} of tenant {Tenant} outlived its lease; another node settles it", job.Id, job.TenantId);
            }
        }
        return claimed.Count == Batch;
    }

    private async Task<WriteBackOutcome> RunAsync(ClaimedWriteBack job, CancellationToken ct)
    {
        try
        {
            if (job.Action != WriteBackActions.PrioritizeCustomer)
            {
                return Final(job, WriteBackStatuses.Failed, $"Unknown write-back action '{job.Action}'.");
            }
            var result = await helpdesk.PrioritizeCustomerAsync(job.TenantId, job.CustomerId, ct);
            if (!result.CustomerTagged)
            {
                return Final(job, WriteBackStatuses.Skipped, "The customer was not found in the helpdesk.");
            }
            logger.LogInformation("Write-back {Job} of tenant {Tenant}: customer tagged, {Raised} open tickets raised", job.Id, job.TenantId, result.TicketsRaised);
            return new WriteBackOutcome(WriteBackStatuses.Succeeded, null, true, result.TicketsRaised, null);
        }
        catch (ApiNotConfiguredException ex)
        {
            // Retrying cannot help until the admin adds credentials; the admin API can requeue the job then.
            return Final(job, WriteBackStatuses.Skipped, ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Final(job, WriteBackStatuses.Skipped, ex.Message);
        }
        catch (HelpdeskApiException ex) when (ex.Status is 0 or 429 or >= 500)
        {
            return Later(job, ex.Message, ex.RetryAfter);
        }
        catch (HelpdeskApiException ex)
        {
            // 4xx other than 429: the helpdesk refused (credentials revoked, ticket gone); repeating the same call would not change that.
            return Final(job, WriteBackStatuses.Failed, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Exception messages of our own clients carry no credentials; anything else is logged by type only.
            logger.LogWarning("Write-back {Job} of tenant {Tenant} failed unexpectedly ({Type})", job.Id, job.TenantId, ex.GetType().Name);
            return Later(job, $"Unexpected {ex.GetType().Name}.", null);
        }
    }

    private WriteBackOutcome Final(ClaimedWriteBack job, string status, string reason)
    {
        logger.LogInformation("Write-back {Job} of tenant {Tenant} {Status}: {Reason}", job.Id, job.TenantId, status, reason);
        return new WriteBackOutcome(status, Truncate(reason), null, null, null);
    }

    private WriteBackOutcome Later(ClaimedWriteBack job, string reason, TimeSpan? retryAfter)
    {
        var o = options.Value;
        if (job.Attempts >= o.MaxAttempts)
        {
            return Final(job, WriteBackStatuses.Failed, $"Gave up after {job.Attempts} attempts; last: {reason}");
        }
#pragma warning disable CA5394 // Jitter spreads retries apart; it protects nothing.
        var backoff = RetrySchedule.Delay(job.Attempts, o.RetryBaseDelay, o.MaxRetryDelay, Random.Shared.NextDouble());
#pragma warning restore CA5394
        var wait = retryAfter is { } asked && asked > backoff ? asked : backoff;
        logger.LogInformation("Write-back {Job} of tenant {Tenant}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms",
            job.Id, job.TenantId, job.Attempts, reason, (long)wait.TotalMilliseconds);
        return new WriteBackOutcome(WriteBackStatuses.Pending, Truncate(reason), null, null,
            clock.GetUtcNow().Add(wait).ToUnixTimeMilliseconds());
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] : text;
}

using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.Connector.Tests.Storage.Stores;
using HelpdeskGamify.Connector.WriteBack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelpdeskGamify.Connector.Tests.WriteBack;

/// <summary>The write-back job store, written once and run per provider like the other store tests.</summary>
public abstract class WriteBackJobStoreTests<TProvider> where TProvider : IStoreProvider, new()
{
    private const long Now = 1_800_000_000_000;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Now));

    private async Task<ScratchDatabase> MigratedAsync()
    {
        var scratch = await new TProvider().CreateAsync();
        await new MigrationRunner(scratch.Database, _clock, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        return scratch;
    }

    private static async Task EnqueueAsync(Database database, string tenant, long redemptionId, bool commit = true)
    {
        await using var connection = await database.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await WriteBackJobStore.EnqueueAsync(connection, tx, tenant, redemptionId, WriteBackActions.PrioritizeCustomer, "7001", Now, CancellationToken.None);
        if (commit)
        {
            await tx.CommitAsync();
        }
    }

    [SkippableFact]
    public async Task A_job_exists_only_if_its_transaction_commits_and_one_claim_holds_it()
    {
        await using var scratch = await MigratedAsync();
        var store = new WriteBackJobStore(scratch.Database);
        await EnqueueAsync(scratch.Database, "acme", 1);
        await EnqueueAsync(scratch.Database, "acme", 2, commit: false);

        var first = await store.ClaimDueAsync(Now, Now + 60_000, 10, CancellationToken.None);
        var second = await store.ClaimDueAsync(Now + 1, Now + 60_000, 10, CancellationToken.None);

        var job = Assert.Single(first);
        Assert.Equal((1L, 1), (job.RedemptionId, job.Attempts));
        Assert.Empty(second);
        // After the lease, another node may take it over (a node that died mid-job).
        var takeover = Assert.Single(await store.ClaimDueAsync(Now + 60_001, Now + 120_000, 10, CancellationToken.None));
        Assert.Equal(2, takeover.Attempts);
        Assert.False(await store.SettleAsync(job, new WriteBackOutcome(WriteBackStatuses.Succeeded, null, true, 1, null), Now + 60_002, CancellationToken.None));
        Assert.True(await store.SettleAsync(takeover, new WriteBackOutcome(WriteBackStatuses.Succeeded, null, true, 1, null), Now + 60_003, CancellationToken.None));
        var settled = (await store.FindAsync("acme", takeover.Id, CancellationToken.None))!;
        Assert.Equal((WriteBackStatuses.Succeeded, true, 1, Now + 60_003), (settled.Status, settled.CustomerTagged, settled.TicketsRaised, settled.CompletedAtMs));
    }

    [SkippableFact]
    public async Task A_retried_job_waits_for_its_time_and_only_settled_jobs_of_the_tenant_can_be_requeued()
    {
        await using var scratch = await MigratedAsync();
        var store = new WriteBackJobStore(scratch.Database);
        await EnqueueAsync(scratch.Database, "acme", 1);
        await EnqueueAsync(scratch.Database, "other", 1);
        var job = (await store.ClaimDueAsync(Now, Now + 60_000, 10, CancellationToken.None)).Single(j => j.TenantId == "acme");

        await store.SettleAsync(job, new WriteBackOutcome(WriteBackStatuses.Pending, "HTTP 503", null, null, Now + 30_000), Now + 10, CancellationToken.None);

        Assert.DoesNotContain(await store.ClaimDueAsync(Now + 29_999, Now + 90_000, 10, CancellationToken.None), j => j.TenantId == "acme");
        Assert.False(await store.RetryAsync("acme", job.Id, Now, CancellationToken.None)); // still pending
        var again = Assert.Single(await store.ClaimDueAsync(Now + 30_000, Now + 90_000, 10, CancellationToken.None), j => j.TenantId == "acme");
        await store.SettleAsync(again, new WriteBackOutcome(WriteBackStatuses.Failed, "gave up", null, null, null), Now + 30_001, CancellationToken.None);
        Assert.Equal([WriteBackStatuses.Failed], (await store.ListAsync("acme", null, null, 50, CancellationToken.None)).Select(j => j.Status));
        Assert.Single(await store.ListAsync("acme", WriteBackStatuses.Failed, 1, 50, CancellationToken.None));
        Assert.Empty(await store.ListAsync("acme", WriteBackStatuses.Pending, null, 50, CancellationToken.None));

        Assert.False(await store.RetryAsync("other", job.Id, Now + 40_000, CancellationToken.None)); // another tenant's id
        Assert.True(await store.RetryAsync("acme", job.Id, Now + 40_000, CancellationToken.None));
        var requeued = (await store.FindAsync("acme", job.Id, CancellationToken.None))!;
        Assert.Equal((WriteBackStatuses.Pending, 0, (string?)null), (requeued.Status, requeued.Attempts, requeued.LastError));
        Assert.Null(await store.FindAsync("other", job.Id, CancellationToken.None));
    }
}

public sealed class SqliteWriteBackJobStoreTests : WriteBackJobStoreTests<SqliteStoreProvider>;

public sealed class SqlServerWriteBackJobStoreTests : WriteBackJobStoreTests<SqlServerStoreProvider>;

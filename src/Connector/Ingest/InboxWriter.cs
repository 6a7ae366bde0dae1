using System.Data.Common;
using System.Threading.Channels;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Makes webhook deliveries durable with group commit: concurrent requests queue their items,
/// one loop writes everything that is waiting in a single transaction, and every request is
/// answered only after that commit. One fsync then covers a whole batch instead of one request.
/// On SQLite the transaction writes the staging file (<see cref="InboxStaging"/>), whose write lock
/// only ingest takes, so acknowledgements never wait for a scoring transaction; on SQL Server it
/// writes <c>inbox</c> directly.
/// </summary>
public sealed class InboxWriter(Database database, InboxStaging staging, InboxSignal signal, StorageHealth health, ILogger<InboxWriter> logger) : BackgroundService
{
    /// <summary>The most deliveries one commit carries.</summary>
    public const int MaxBatch = 512;

    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Stores the items of one delivery; completes after they are committed, or throws if they could not be.</summary>
    public async Task<IReadOnlyList<InboxWriteResult>> AppendAsync(IReadOnlyList<InboxItem> items, CancellationToken ct)
    {
        var pending = new PendingWrite(items, new TaskCompletionSource<IReadOnlyList<InboxWriteResult>>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        // The write may already be in a transaction; the caller's cancellation must not orphan it.
        return await pending.Completion.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(MaxBatch);
        DbConnection? connection = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                var items = 0;
                while (items < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    items += next.Items.Count;
                }
                try
                {
                    connection ??= staging.Enabled ? await staging.OpenAsync(stoppingToken) : await database.OpenAsync(stoppingToken);
                    if (staging.Enabled)
                    {
                        await staging.HoldWhileBehindAsync(connection, stoppingToken);
                    }
                    List<IReadOnlyList<InboxWriteResult>> results;
                    using (staging.Enabled ? await staging.EnterWriteAsync(stoppingToken) : await database.EnterWriteAsync(stoppingToken))
                    {
                        results = await WriteBatchAsync(connection, batch, stoppingToken);
                    }
                    if (staging.Enabled)
                    {
                        staging.RecordCommit(results.SelectMany(r => r).Where(r => r.InboxId is not null).Select(r => r.InboxId!.Value).Order().ToArray());
                    }
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Completion.TrySetResult(results[i]);
                    }
                    health.RecordSuccess();
                    signal.Pulse();
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Could not commit {Count} inbox deliveries", batch.Count);
                    health.RecordFailure(ex);
                    foreach (var write in batch)
                    {
                        write.Completion.TrySetException(new InboxUnavailableException(ex));
                    }
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            while (_queue.Reader.TryRead(out var left))
            {
                left.Completion.TrySetException(new InboxUnavailableException(new OperationCanceledException("The node is stopping.")));
            }
        }
    }

    private async Task<List<IReadOnlyList<InboxWriteResult>>> WriteBatchAsync(DbConnection connection, List<PendingWrite> batch, CancellationToken ct)
    {
        var results = new List<IReadOnlyList<InboxWriteResult>>(batch.Count);
        var staged = staging.Enabled;
        // Staged: BEGIN IMMEDIATE takes the staging write lock, then a snapshot of the read-only attached main file.
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (staged)
        {
            // Rows the scorer has moved leave staging in this commit: no fsync of their own.
            await connection.ExecuteAsync(new CommandDefinition(InboxStaging.DeleteMovedSqlite, transaction: tx, cancellationToken: ct));
        }
        foreach (var write in batch)
        {
            var itemResults = new InboxWriteResult[write.Items.Count];
            for (var i = 0; i < write.Items.Count; i++)
            {
                var item = write.Items[i];
                if (await SequenceCheck.IsRepeatAsync(connection, tx, item, staged, ct))
                {
                    itemResults[i] = new InboxWriteResult(true, null);
                    continue;
                }
                var id = staged
                    ? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InboxStaging.InsertIfAbsentSqlite, item, tx, cancellationToken: ct))
                    : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(database.Dialect.InsertInboxIfAbsent, item, tx, cancellationToken: ct));
                itemResults[i] = new InboxWriteResult(id is null, id);
            }
            results.Add(itemResults);
        }
        await tx.CommitAsync(ct);
        return results;
    }

    private sealed record PendingWrite(IReadOnlyList<InboxItem> Items, TaskCompletionSource<IReadOnlyList<InboxWriteResult>> Completion);
}

/// <summary>The inbox could not make a delivery durable; the helpdesk must retry (503).</summary>
public sealed class InboxUnavailableException(Exception inner) : Exception("The inbox could not store the delivery.", inner);

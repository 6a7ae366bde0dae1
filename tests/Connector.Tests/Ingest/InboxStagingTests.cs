using Dapper;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Privacy;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.Connector.Tests.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HelpdeskGamify.Connector.Tests.Ingest;

/// <summary>
/// The staging inbox on real SQLite files: acknowledgements commit to inbox-staging.db, the scorer moves rows
/// into inbox keeping their ids, and a node stopped between any two of those steps neither loses nor double-scores
/// a fact when it starts again on the same folder.
/// </summary>
public sealed class InboxStagingTests : IDisposable
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "helpdeskgamify-staging", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task An_acknowledged_fact_waits_in_the_staging_file_until_the_scorer_moves_it_keeping_its_id()
    {
        await using var node = await Node.StartAsync(_dir);
        var results = await node.AppendAsync(Solved("t-1"), Solved("t-2"));
        Assert.All(results, r => Assert.False(r.Duplicate));

        Assert.Equal(0, await node.MainAsync("SELECT COUNT(*) FROM inbox"));
        Assert.Equal(2, await node.StagingAsync("SELECT COUNT(*) FROM inbox"));
        Assert.Equal(2, await node.Get<InboxStaging>().CountUnmovedAsync());

        await node.ScoreAllAsync();

        var moved = (await node.QueryMainAsync("SELECT id FROM inbox WHERE status = 1 ORDER BY id")).ToList();
        Assert.Equal(results.Select(r => r.InboxId!.Value), moved);
        Assert.Equal(2, await node.MainAsync("SELECT COUNT(*) FROM ledger WHERE source_inbox_id IS NOT NULL"));
        Assert.Equal(moved.Max(), await node.MainAsync("SELECT moved_through_id FROM inbox_staging_mark"));
        Assert.Equal(0, await node.Get<InboxStaging>().CountUnmovedAsync());
    }

    [Fact]
    public async Task A_fact_is_a_duplicate_whether_it_is_still_staged_or_already_moved()
    {
        await using var node = await Node.StartAsync(_dir);
        await node.AppendAsync(Solved("t-1"));
        // Still staged: same delivery id, and same fact under another delivery id.
        Assert.True((await node.AppendAsync(Solved("t-1")))[0].Duplicate);
        Assert.True((await node.AppendAsync(Solved("t-1", delivery: "other")))[0].Duplicate);

        await node.ScoreAllAsync();
        await node.AppendAsync(Solved("t-2"));  // ingest deletes moved rows in its next commit
        Assert.Equal(0, await node.StagingAsync("SELECT COUNT(*) FROM inbox WHERE natural_key LIKE '%t-1%'"));

        // Moved (only in the main file now): still duplicates.
        Assert.True((await node.AppendAsync(Solved("t-1")))[0].Duplicate);
        Assert.True((await node.AppendAsync(Solved("t-1", delivery: "third")))[0].Duplicate);
        await node.ScoreAllAsync();
        Assert.Equal(2, await node.MainAsync("SELECT COUNT(*) FROM inbox"));
        Assert.Equal(2, await node.MainAsync("SELECT COUNT(*) FROM ledger WHERE source_inbox_id IS NOT NULL"));
    }

    [Fact]
    public async Task A_restart_between_the_staging_commit_and_the_move_loses_nothing()
    {
        long[] ids;
        await using (var first = await Node.StartAsync(_dir))
        {
            ids = [.. (await first.AppendAsync(Solved("t-1"), Solved("t-2"), Solved("t-3"))).Select(r => r.InboxId!.Value)];
        }

        await using var second = await Node.StartAsync(_dir);
        await second.ScoreAllAsync();
        Assert.Equal(ids, await second.QueryMainAsync("SELECT id FROM inbox WHERE status = 1 ORDER BY id"));
        Assert.Equal(3, await second.MainAsync("SELECT COUNT(*) FROM ledger WHERE source_inbox_id IS NOT NULL"));
        // New ids are above everything used before the restart.
        var next = (await second.AppendAsync(Solved("t-4")))[0].InboxId!.Value;
        Assert.True(next > ids.Max(), $"{next} must be above {ids.Max()}");
    }

    [Fact]
    public async Task A_restart_between_the_move_and_the_staging_delete_moves_and_scores_nothing_twice()
    {
        await using (var first = await Node.StartAsync(_dir))
        {
            await first.AppendAsync(Solved("t-1"), Solved("t-2"));
            Assert.Equal(2, await first.Get<ScoringWorker>().ScorePendingAsync(CancellationToken.None));
            // Moved and scored, but no ingest commit nor idle pass since: the rows are still in the staging file too.
            Assert.Equal(2, await first.StagingAsync("SELECT COUNT(*) FROM inbox"));
        }

        await using var second = await Node.StartAsync(_dir);
        await second.ScoreAllAsync();
        Assert.Equal(2, await second.MainAsync("SELECT COUNT(*) FROM inbox"));
        Assert.Equal(2, await second.MainAsync("SELECT COUNT(*) FROM ledger WHERE source_inbox_id IS NOT NULL"));
        Assert.Equal(0, await second.Get<InboxStaging>().CountUnmovedAsync());
        Assert.True((await second.AppendAsync(Solved("t-1", delivery: "again")))[0].Duplicate);
        // Idle, the scorer clears moved rows itself.
        await second.ScoreAllAsync();
        Assert.Equal(0, await second.StagingAsync("SELECT COUNT(*) FROM inbox"));
    }

    [Fact]
    public async Task A_lost_staging_file_is_seeded_above_every_id_the_main_file_holds()
    {
        long last;
        await using (var first = await Node.StartAsync(_dir))
        {
            await first.AppendAsync(Solved("t-1"), Solved("t-2"));
            await first.ScoreAllAsync();
            last = await first.MainAsync("SELECT MAX(id) FROM inbox");
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(_dir, InboxStaging.FileName + "*"))
        {
            File.Delete(file);
        }

        await using var second = await Node.StartAsync(_dir);
        var id = (await second.AppendAsync(Solved("t-3")))[0].InboxId!.Value;
        Assert.True(id > last, $"{id} must be above {last}");
        await second.ScoreAllAsync();
        Assert.Equal(3, await second.MainAsync("SELECT COUNT(*) FROM ledger WHERE source_inbox_id IS NOT NULL"));
    }

    [Fact]
    public async Task Concurrent_appends_are_each_stored_once_and_scored_once()
    {
        await using var node = await Node.StartAsync(_dir);
        var writes = Enumerable.Range(0, 40).Select(i => node.AppendAsync(Solved("t-" + (i % 20), delivery: "d-" + i))).ToList();
        var stored = (await Task.WhenAll(writes)).Select(r => r[0]).Count(r => !r.Duplicate);
        Assert.Equal(20, stored);
        await node.ScoreAllAsync();
        Assert.Equal(20, await node.MainAsync("SELECT COUNT(*) FROM inbox WHERE status = 1"));
        Assert.Equal(20, await node.MainAsync("SELECT COUNT(*) FROM ledger WHERE source_inbox_id IS NOT NULL"));
    }

    [Fact]
    public async Task Privacy_export_sees_and_erasure_scrubs_a_fact_still_in_the_staging_file()
    {
        await using var node = await Node.StartAsync(_dir);
        await node.AppendAsync(Solved("t-1", customer: "cust-9"));

        var export = await node.Get<CustomerExporter>().ExportAsync("acme", "cust-9");
        Assert.Single(export!.Events);

        Assert.True(await node.Get<CustomerPrivacyStore>().EraseAsync("acme", "cust-9", "erased-1"));
        Assert.Equal(0, await node.StagingAsync("SELECT COUNT(*) FROM inbox WHERE event_json LIKE '%cust-9%'"));
        await node.ScoreAllAsync();
        Assert.Equal(1, await node.MainAsync("SELECT COUNT(*) FROM inbox"));
        Assert.Equal(0, await node.MainAsync("SELECT COUNT(*) FROM inbox WHERE event_json LIKE '%cust-9%'"));
    }

    private static InboxItem Solved(string ticket, string? delivery = null, string? customer = null)
    {
        var e = new HelpdeskEvent
        {
            Source = "zendesk", Kind = HelpdeskEventKind.TicketSolved, OccurredAt = At, TicketId = ticket,
            AgentId = "agent-1", AgentName = "Ada", CustomerId = customer, CustomerName = customer is null ? null : "Carla",
        };
        return InboxItems.Of("acme", "zendesk", delivery ?? "inv-" + ticket, e, "{}"u8.ToArray(), "{}", At);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The connector on a folder, with its inbox writer running and scoring driven by the test.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly IHost _host;

        private Node(IHost host) => _host = host;

        public static async Task<Node> StartAsync(string dir)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dir });
            builder.Services.AddSingleton<IGameNotifier>(new RecordingNotifier());
            builder.Services.AddLogging();
            builder.AddConnector();
            var host = builder.Build();
            await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
            await using (var connection = await host.Services.GetRequiredService<Database>().OpenAsync())
            {
                await connection.ExecuteAsync("""
                    INSERT INTO tenants (id, name, platform, settings_protected, widget_origins, created_at_ms, updated_at_ms)
                    VALUES ('acme', 'Acme', 'zendesk', '', '[]', 0, 0) ON CONFLICT DO NOTHING
                    """);
            }
            await host.Services.GetRequiredService<InboxWriter>().StartAsync(CancellationToken.None);
            return new Node(host);
        }

        public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

        public Task<IReadOnlyList<InboxWriteResult>> AppendAsync(params InboxItem[] items) => Get<InboxWriter>().AppendAsync(items, CancellationToken.None);

        public async Task ScoreAllAsync()
        {
            var worker = Get<ScoringWorker>();
            while (await worker.ScorePendingAsync(CancellationToken.None) > 0)
            {
            }
        }

        public async Task<long> MainAsync(string sql)
        {
            await using var connection = await Get<Database>().OpenAsync();
            return await connection.ExecuteScalarAsync<long>(sql);
        }

        public async Task<IReadOnlyList<long>> QueryMainAsync(string sql)
        {
            await using var connection = await Get<Database>().OpenAsync();
            return (await connection.QueryAsync<long>(sql)).AsList();
        }

        public async Task<long> StagingAsync(string sql)
        {
            await using var connection = new SqliteConnection($"Data Source={Get<InboxStaging>().StagingFile};Pooling=False");
            await connection.OpenAsync();
            return await connection.ExecuteScalarAsync<long>(sql);
        }

        public async ValueTask DisposeAsync()
        {
            await Get<InboxWriter>().StopAsync(CancellationToken.None);
            _host.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }
}

using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelpdeskGamify.Connector.Tests.Storage.Stores;

/// <summary>
/// The store tests, written once and run per provider by one-line subclasses
/// (<see cref="SqliteStoreTests"/>, <see cref="SqlServerStoreTests"/>), the way Dapper's own suite does it.
/// </summary>
public abstract class StoreTests<TProvider> where TProvider : IStoreProvider, new()
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<ScratchDatabase> MigratedAsync()
    {
        var scratch = await new TProvider().CreateAsync();
        await new MigrationRunner(scratch.Database, _clock, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        return scratch;
    }

    [SkippableFact]
    public async Task Migrations_applied_twice_change_nothing_the_second_time()
    {
        await using var scratch = await new TProvider().CreateAsync();
        var runner = new MigrationRunner(scratch.Database, _clock, NullLogger<MigrationRunner>.Instance);

        await runner.ApplyAsync();
        await runner.ApplyAsync();

        await using var connection = await scratch.Database.OpenAsync();
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(MigrationRunner.Scripts(scratch.Database.Provider).Select(m => m.Version), applied);
        Assert.Contains(500, applied);
    }

    [SkippableFact]
    public async Task Nodes_starting_together_apply_each_migration_once()
    {
        await using var scratch = await new TProvider().CreateAsync();
        // Separate runners (and connections) like separate nodes; SQL Server serializes them with an
        // application lock, SQLite with its write lock and a re-check inside each script's transaction.
        var runners = Enumerable.Range(0, 4).Select(_ => new MigrationRunner(scratch.Database, _clock, NullLogger<MigrationRunner>.Instance));

        await Task.WhenAll(runners.Select(r => Task.Run(() => r.ApplyAsync())));

        await using var connection = await scratch.Database.OpenAsync();
        Assert.Equal(MigrationRunner.Scripts(scratch.Database.Provider).Count,
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [SkippableFact]
    public async Task Inbox_insert_if_absent_refuses_the_same_delivery_and_the_same_natural_key()
    {
        await using var scratch = await MigratedAsync();
        await using var connection = await scratch.Database.OpenAsync();

        var first = await InsertInboxAsync(connection, scratch.Database, Item("acme", "d-1", "acme|t1|solved|100"));
        var sameDelivery = await InsertInboxAsync(connection, scratch.Database, Item("acme", "d-1", "acme|t1|solved|999"));
        var sameFact = await InsertInboxAsync(connection, scratch.Database, Item("acme", "d-2", "acme|t1|solved|100"));
        var otherTenant = await InsertInboxAsync(connection, scratch.Database, Item("globex", "d-1", "acme|t1|solved|100"));

        Assert.NotNull(first);
        Assert.Null(sameDelivery);
        Assert.Null(sameFact);
        Assert.NotNull(otherTenant);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM inbox"));
    }

    [SkippableFact]
    public async Task Ledger_appends_once_per_rule_and_event_and_totals_add_up()
    {
        await using var scratch = await MigratedAsync();
        var store = new ScoringStore(scratch.Database, Leases(scratch.Database, "node-a"));
        await using var connection = await scratch.Database.OpenAsync();
        var inboxId = (await InsertInboxAsync(connection, scratch.Database, Item("acme", "d-1", "k-1")))!.Value;

        await using (var tx = await connection.BeginTransactionAsync())
        {
            var agent = await store.UpsertParticipantAsync(connection, tx, "acme", ParticipantKinds.Agent, "9001", "Ingrid", "Tier 1", 1, default);
            var entry = new LedgerInsert("acme", agent, 10, "productivity", "Solved #1", "agent.ticket-solved", "award", inboxId, "1", 5, 6);
            Assert.NotNull(await store.AppendLedgerAsync(connection, tx, entry, default));
            Assert.Null(await store.AppendLedgerAsync(connection, tx, entry, default));
            Assert.NotNull(await store.AppendLedgerAsync(connection, tx, entry with { RuleId = "agent.fast-resolution", Points = 5, Category = "speed" }, default));
            Assert.Equal(10, await store.AddToTotalAsync(connection, tx, "acme", "agents", "all", "9001", 10, 7, default));
            Assert.Equal(15, await store.AddToTotalAsync(connection, tx, "acme", "agents", "all", "9001", 5, 8, default));
            Assert.True(await store.MarkProcessedAsync(connection, tx, inboxId, 9, default));
            Assert.False(await store.MarkProcessedAsync(connection, tx, inboxId, 9, default));
            await tx.CommitAsync();
        }

        var participants = new ParticipantStore(scratch.Database);
        var ingrid = await participants.FindAsync("acme", ParticipantKinds.Agent, "9001");
        Assert.NotNull(ingrid);
        Assert.Equal(new Dictionary<string, long> { ["productivity"] = 10, ["speed"] = 5 }, await participants.PointsByCategoryAsync("acme", ingrid.Id));
        var page = await participants.LedgerAsync("acme", ingrid.Id, long.MaxValue, 1);
        Assert.Equal("agent.fast-resolution", Assert.Single(page).RuleId);
        Assert.Empty(await participants.LedgerAsync("globex", ingrid.Id, long.MaxValue, 10));

        var index = new LeaderboardIndex(scratch.Database, new NoTotalsFanout());
        var top = await index.ReadAsync(new BoardKey("acme", "agents", "all"), set => set.Range(0, 10));
        Assert.Equal(15, Assert.Single(top).Score);
    }

    [SkippableFact]
    public async Task Participant_upsert_keeps_known_names_and_is_scoped_by_tenant()
    {
        await using var scratch = await MigratedAsync();
        var store = new ScoringStore(scratch.Database, Leases(scratch.Database, "node-a"));
        await using var connection = await scratch.Database.OpenAsync();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            var id = await store.UpsertParticipantAsync(connection, tx, "acme", ParticipantKinds.Customer, "7001", "Kari", null, 1, default);
            Assert.Equal(id, await store.UpsertParticipantAsync(connection, tx, "acme", ParticipantKinds.Customer, "7001", null, null, 2, default));
            Assert.NotEqual(id, await store.UpsertParticipantAsync(connection, tx, "globex", ParticipantKinds.Customer, "7001", "Other", null, 2, default));
            await tx.CommitAsync();
        }

        var found = await new ParticipantStore(scratch.Database).FindManyAsync("acme", ParticipantKinds.Customer, ["7001", "nobody"]);
        Assert.Equal("Kari", Assert.Single(found).Value.DisplayName);
    }

    [SkippableFact]
    public async Task Participant_team_is_the_team_of_the_latest_fact_whatever_the_arrival_order()
    {
        await using var scratch = await MigratedAsync();
        var store = new ScoringStore(scratch.Database, Leases(scratch.Database, "node-a"));
        await using var connection = await scratch.Database.OpenAsync();
        var batch = new ScoringBatch();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", "Ingrid", "Tier 2", 5, default, teamAsOfMs: 200);
            // An older fact arriving later does not move her back, even repeated in the same batch.
            await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", "Ingrid", "Tier 1", 6, default, teamAsOfMs: 100);
            await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", "Ingrid", "Tier 1", 6, default, teamAsOfMs: 100);
            await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", null, null, 7, default, teamAsOfMs: 900);
            // Two facts of the same moment: the greater team name wins, in either order.
            await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9002", "Ola", "Tier 2", 5, default, teamAsOfMs: 300);
            await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9002", "Ola", "Tier 1", 5, default, teamAsOfMs: 300);
            await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9003", "Per", "Tier 1", 5, default, teamAsOfMs: 300);
            await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9003", "Per", "Tier 2", 5, default, teamAsOfMs: 300);
            await tx.CommitAsync();
        }

        var agents = await new ParticipantStore(scratch.Database).FindManyAsync("acme", ParticipantKinds.Agent, ["9001", "9002", "9003"]);
        Assert.Equal(["Tier 2", "Tier 2", "Tier 2"], agents.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value.Team));

        await using (var tx = await connection.BeginTransactionAsync())
        {
            // A newer fact moves her.
            await store.UpsertParticipantAsync(connection, tx, "acme", ParticipantKinds.Agent, "9001", null, "Tier 1", 8, default, teamAsOfMs: 201);
            await tx.CommitAsync();
        }
        Assert.Equal("Tier 1", (await new ParticipantStore(scratch.Database).FindAsync("acme", ParticipantKinds.Agent, "9001"))!.Team);
    }

    [SkippableFact]
    public async Task Participant_upserts_a_batch_remembers_never_hide_a_change_or_outlive_their_transaction()
    {
        await using var scratch = await MigratedAsync();
        var store = new ScoringStore(scratch.Database, Leases(scratch.Database, "node-a"));
        await using var connection = await scratch.Database.OpenAsync();
        var batch = new ScoringBatch();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            var id = await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", "Ingrid", "Tier 1", 1, default);
            Assert.Equal(id, await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", null, null, 1, default));
            await tx.RollbackAsync();
        }

        await using (var tx = await connection.BeginTransactionAsync())
        {
            // A new transaction must not trust what a rolled-back one created.
            var id = await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", "Ingrid", "Tier 1", 1, default);
            Assert.Equal(id, await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", "Ingrid", "Tier 2", 1, default));
            Assert.Equal(id, await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", "Ingrid", null, 1, default));
            Assert.Equal(id, await store.UpsertParticipantAsync(connection, tx, batch, "acme", ParticipantKinds.Agent, "9001", null, null, 2, default));
            await tx.CommitAsync();
        }

        var ingrid = await new ParticipantStore(scratch.Database).FindAsync("acme", ParticipantKinds.Agent, "9001");
        Assert.NotNull(ingrid);
        Assert.Equal(("Ingrid", "Tier 2"), (ingrid.DisplayName, ingrid.Team));
    }

    [SkippableFact]
    public async Task Tenants_are_saved_encrypted_replaced_and_listed()
    {
        await using var scratch = await MigratedAsync();
        var store = new TenantStore(scratch.Database, new EphemeralDataProtectionProvider(), _clock, NullLogger<TenantStore>.Instance);
        var tenant = new Tenant("acme", "Acme", "zendesk", new TenantSettings { Zendesk = new ZendeskSettings { WebhookSigningSecret = "s3cret" } }, ["https://acme.example"]);

        await store.SaveAsync(tenant);
        await store.SaveAsync(tenant with { Name = "Acme Inc" });

        var read = await store.FindAsync("acme");
        Assert.Equal("Acme Inc", read!.Name);
        Assert.Equal("s3cret", read.Settings.Zendesk!.WebhookSigningSecret);
        Assert.Equal(["https://acme.example"], read.WidgetOrigins);
        Assert.Equal(["acme"], await store.ListIdsAsync());
        await using var connection = await scratch.Database.OpenAsync();
        Assert.DoesNotContain("s3cret", await connection.ExecuteScalarAsync<string>("SELECT settings_protected FROM tenants"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Dead_letters_are_kept_and_listed_per_tenant()
    {
        await using var scratch = await MigratedAsync();
        var store = new DeadLetterStore(scratch.Database);
        await store.AddAsync(new DeadLetter { TenantId = "acme", Source = "zendesk", Reason = "no ticket id", RawBody = [1, 2, 3], HeadersJson = "{}", ReceivedAtMs = 5 });
        await store.AddAsync(new DeadLetter { TenantId = "globex", Source = "zendesk", Reason = "other", RawBody = [9], HeadersJson = "{}", ReceivedAtMs = 6 });

        var open = Assert.Single(await store.ListOpenAsync("acme"));
        Assert.Equal("no ticket id", open.Reason);
        Assert.Equal(new byte[] { 1, 2, 3 }, open.RawBody);
    }

    [SkippableFact]
    public async Task A_tenant_lease_gives_its_rows_to_one_node_until_it_expires()
    {
        await using var scratch = await MigratedAsync();
        var a = new ScoringStore(scratch.Database, Leases(scratch.Database, "node-a"));
        var b = new ScoringStore(scratch.Database, Leases(scratch.Database, "node-b"));
        await using var connection = await scratch.Database.OpenAsync();
        await InsertInboxAsync(connection, scratch.Database, Item("acme", "d-1", "k-1"));
        await InsertInboxAsync(connection, scratch.Database, Item("acme", "d-2", "k-2"));
        await InsertInboxAsync(connection, scratch.Database, Item("globex", "d-1", "k-1"));

        var taken = await a.PendingAsync(connection, 10, default);
        Assert.Equal(3, taken.Count);
        Assert.Equal(taken.Select(r => r.Id).Order(), taken.Select(r => r.Id));
        Assert.Empty(await b.PendingAsync(connection, 10, default));

        // Node A dies: nobody renews its leases, and after they expire node B takes the rows.
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, (await b.PendingAsync(connection, 10, default)).Count);
        Assert.Empty(await a.PendingAsync(connection, 10, default));
    }

    [SkippableFact]
    public async Task A_node_lets_go_of_tenants_with_nothing_pending()
    {
        await using var scratch = await MigratedAsync();
        var a = new ScoringStore(scratch.Database, Leases(scratch.Database, "node-a"));
        var b = new ScoringStore(scratch.Database, Leases(scratch.Database, "node-b"));
        await using var connection = await scratch.Database.OpenAsync();
        var id = (await InsertInboxAsync(connection, scratch.Database, Item("acme", "d-1", "k-1")))!.Value;
        Assert.Single(await a.PendingAsync(connection, 10, default));
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await a.MarkProcessedAsync(connection, tx, id, 1, default);
            await tx.CommitAsync();
        }
        Assert.Empty(await a.PendingAsync(connection, 10, default));

        await InsertInboxAsync(connection, scratch.Database, Item("acme", "d-2", "k-2"));

        Assert.Single(await b.PendingAsync(connection, 10, default));
        Assert.Empty(await a.PendingAsync(connection, 10, default));
    }

    [SkippableFact]
    public async Task Data_protection_keys_kept_in_the_database_let_another_node_decrypt()
    {
        await using var scratch = await MigratedAsync();
        IDataProtector Node() => DataProtectionProvider.Create(new DirectoryInfo(Path.GetTempPath()), b => b
                .SetApplicationName("HelpdeskGamify")
                .Services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
                    o.XmlRepository = new DatabaseXmlRepository(scratch.Database, _clock)))
            .CreateProtector("test");

        var secret = Node().Protect("tenant secret");

        Assert.Equal("tenant secret", Node().Unprotect(secret));
        var repository = new DatabaseXmlRepository(scratch.Database, _clock);
        var key = Assert.Single(repository.GetAllElements());
        repository.StoreElement(key, "key-" + key.Attribute("id")!.Value);
        Assert.Single(repository.GetAllElements());
    }

    private InboxLeases Leases(Database database, string node) =>
        new(database, new NodeIdentity(node), Options.Create(new InboxLeaseOptions()), _clock);

    private static async Task<long?> InsertInboxAsync(DbConnection connection, Database database, InboxItem item)
    {
        // The statement and transaction exactly as InboxWriter sends them.
        await using var tx = await connection.BeginTransactionAsync();
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(database.Dialect.InsertInboxIfAbsent, item, tx));
        await tx.CommitAsync();
        return id;
    }

    private InboxItem Item(string tenant, string delivery, string naturalKey) => new(tenant, "zendesk", delivery, naturalKey, "TicketSolved",
        1, _clock.GetUtcNow().ToUnixTimeMilliseconds(), """{"kind":"TicketSolved"}""", [1, 2], "{}");
}

/// <summary>The store tests on SQLite (always).</summary>
public sealed class SqliteStoreTests : StoreTests<SqliteStoreProvider>;

/// <summary>The store tests on SQL Server (when <c>HELPDESKGAMIFY_SQLSERVER</c> is set).</summary>
public sealed class SqlServerStoreTests : StoreTests<SqlServerStoreProvider>;

using Dapper;
using HelpdeskGamify.Connector;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Tickets.Release;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace HelpdeskGamify.Connector.Tests.Scoring;

/// <summary>
/// The real connector (real SQLite file, real migrations, real worker) without a web host: events go
/// into the inbox as the ingest pipeline writes them, and the test drives scoring and the clock.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private long _delivery;

    private EngineHarness(IHost host, string dataDirectory, FakeTimeProvider clock, RecordingNotifier notifier)
    {
        _host = host;
        DataDirectory = dataDirectory;
        Clock = clock;
        Notifier = notifier;
    }

    /// <summary>The folder of this harness's database.</summary>
    public string DataDirectory { get; }

    /// <summary>The clock scoring and release read.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Everything published after commits.</summary>
    public RecordingNotifier Notifier { get; }

    /// <summary>A service of the connector.</summary>
    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Creates a migrated harness whose clock starts at <paramref name="now"/>.</summary>
    public static async Task<EngineHarness> StartAsync(DateTimeOffset now)
    {
        var dir = Path.Combine(Path.GetTempPath(), "helpdeskgamify-engine", Guid.NewGuid().ToString("n"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dir });
        var clock = new FakeTimeProvider(now);
        var notifier = new RecordingNotifier();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IGameNotifier>(notifier);
        builder.Services.AddLogging();
        builder.AddConnector();
        var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
        return new EngineHarness(host, dir, clock, notifier);
    }

    /// <summary>Delivers an event into the inbox as ingest would; false when the inbox already has the fact.</summary>
    public async Task<bool> DeliverAsync(string tenantId, HelpdeskEvent e, string? naturalKeySuffix = null)
    {
        var database = Get<Database>();
        await using var connection = await database.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long?>(database.Dialect.InsertInboxIfAbsent, new
        {
            TenantId = tenantId, e.Source, DeliveryId = "d-" + Interlocked.Increment(ref _delivery),
            NaturalKey = NaturalKey.For(e) + naturalKeySuffix, Kind = e.Kind.ToString(), OccurredAtMs = e.OccurredAt.ToUnixTimeMilliseconds(),
            ReceivedAtMs = Clock.GetUtcNow().ToUnixTimeMilliseconds(), EventJson = EventJson.Serialize(e), RawBody = Array.Empty<byte>(), HeadersJson = "{}",
        });
        return id is not null;
    }

    /// <summary>Scores everything pending.</summary>
    public async Task ScoreAllAsync()
    {
        var worker = Get<ScoringWorker>();
        while (await worker.ScorePendingAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Runs the release pass until nothing is due.</summary>
    public async Task ReleaseAsync()
    {
        var release = Get<ReleasePass>();
        while (await release.RunAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>A scalar query against the database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Get<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("No value for " + sql);
    }

    /// <summary>Rows of a query.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Get<Database>().OpenAsync();
        return (await connection.QueryAsync<T>(sql, args)).AsList();
    }

    /// <summary>Each person's (balance, pending) summed from the ledger, the truth everything else must agree with.</summary>
    public async Task<IReadOnlyDictionary<string, (long Points, long Pending)>> LedgerTotalsAsync(string tenantId) =>
        (await QueryAsync<(string Kind, string Id, long Points, long Pending)>("""
            SELECT p.kind, p.external_id, SUM(l.points), SUM(l.pending_points) FROM ledger l JOIN participants p ON p.id = l.participant_id
            WHERE l.tenant_id = @TenantId GROUP BY p.kind, p.external_id
            """, new { TenantId = tenantId }))
        .Where(r => r.Points != 0 || r.Pending != 0)
        .ToDictionary(r => r.Kind + ":" + r.Id, r => (r.Points, r.Pending));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Keeps what was published, for assertions.</summary>
public sealed class RecordingNotifier : IGameNotifier
{
    private readonly List<ScoringOutcome> _outcomes = [];

    /// <summary>Everything published so far.</summary>
    public IReadOnlyList<ScoringOutcome> Outcomes { get { lock (_outcomes) { return _outcomes.ToList(); } } }

    /// <inheritdoc />
    public Task PublishAsync(ScoringOutcome outcome, CancellationToken ct)
    {
        lock (_outcomes)
        {
            _outcomes.Add(outcome);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Builds normalized events for tests.</summary>
public static class Events
{
    /// <summary>A ticket event.</summary>
    public static HelpdeskEvent Ticket(HelpdeskEventKind kind, string ticket, DateTimeOffset at, string agent = "a1", string customer = "c1",
        SatisfactionRating rating = SatisfactionRating.None, string priority = "normal", long? resolutionSeconds = null, string group = "Tier 1") => new()
    {
        Source = "zendesk", Kind = kind, OccurredAt = at, TicketId = ticket, AgentId = agent, AgentName = "Agent " + agent, CustomerId = customer,
        CustomerName = "Customer " + customer, Priority = priority, Rating = rating, ResolutionSeconds = resolutionSeconds, Group = group, Channel = "web",
    };

    /// <summary>An event outside any ticket (chat, review, survey).</summary>
    public static HelpdeskEvent Loose(HelpdeskEventKind kind, string subject, DateTimeOffset at, string customer = "c1", string? agent = null) => new()
    {
        Source = "zendesk-messaging", Kind = kind, OccurredAt = at, ConversationId = subject, SourceEventId = subject, CustomerId = customer,
        CustomerName = "Customer " + customer, AgentId = agent, AgentName = agent is null ? null : "Agent " + agent,
    };
}

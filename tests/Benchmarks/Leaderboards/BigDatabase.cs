using System.Diagnostics;
using System.Globalization;
using HelpdeskGamify.Benchmarks.Common;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Benchmarks.Leaderboards;

/// <summary>
/// A database with the real schema holding many customers and agents of one tenant: each a participant,
/// one ledger entry and an all-time total. Generated once per size into the temp folder with one
/// prepared bulk insert, then reused by the leaderboard and start-up benchmarks.
/// </summary>
internal static class BigDatabase
{
    public const string Tenant = "bench";
    private const int Version = 1;

    private const string InsertParticipant = """
        INSERT INTO participants (tenant_id, kind, external_id, display_name, team, opted_out, created_at_ms, updated_at_ms)
        VALUES ('bench', $kind, $id, $name, NULL, 0, $now, $now)
        """;
    private const string InsertLedger = """
        INSERT INTO ledger (tenant_id, participant_id, points, category, reason, rule_id, entry_kind, source_inbox_id, ticket_id, occurred_at_ms, created_at_ms)
        VALUES ('bench', $participant, $points, 'engagement', 'Seeded', 'bench.seed', 'award', NULL, NULL, $now, $now)
        """;
    private const string InsertTotal = """
        INSERT INTO leaderboard_totals (tenant_id, board, period_key, member_key, points, updated_at_ms)
        VALUES ('bench', $board, 'all', $id, $points, $now)
        """;

    /// <summary>The folder holding <c>helpdeskgamify.db</c> (what <c>Storage:DataDirectory</c> points at).</summary>
    public static async Task<(string Folder, double GeneratedMs)> EnsureAsync(int customers, int agents)
    {
        var folder = Path.Combine(Bench.CacheFolder, $"db-v{Version}-c{customers}-a{agents}");
        var marker = Path.Combine(folder, "complete");
        if (File.Exists(marker))
        {
            return (folder, 0);
        }
        var started = Stopwatch.GetTimestamp();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var database = new Database(Options.Create(new StorageOptions { DataDirectory = folder }));
        await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "helpdeskgamify.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=OFF;";
                pragma.ExecuteNonQuery();
            }
            using var tx = connection.BeginTransaction();
            var participant = Prepare(connection, tx, InsertParticipant, "$kind", "$id", "$name", "$now");
            var ledger = Prepare(connection, tx, InsertLedger, "$participant", "$points", "$now");
            var total = Prepare(connection, tx, InsertTotal, "$board", "$id", "$points", "$now");
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var random = new Random(42);
            long id = 0;
            foreach (var (kind, board, count, prefix) in new[] { (ParticipantKinds.Customer, "customers", customers, "c"), (ParticipantKinds.Agent, "agents", agents, "a") })
            {
                for (var i = 0; i < count; i++)
                {
                    var key = prefix + i.ToString(CultureInfo.InvariantCulture);
                    // Skewed like real boards: many members with a few points, a long tail of high scorers, many ties.
                    var points = (long)(Math.Pow(random.NextDouble(), 3) * 100_000);
                    Run(participant, kind, key, (kind == ParticipantKinds.Agent ? "Agent " : "Customer ") + key, now);
                    Run(ledger, ++id, points, now);
                    Run(total, board, key, points, now);
                }
            }
            tx.Commit();
        }
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return (folder, Stats.ElapsedMs(started, Stopwatch.GetTimestamp()));
    }

    /// <summary>The customer and agent counts for a run.</summary>
    public static (int Customers, int Agents) Size(Bench bench) => bench.Quick ? (10_000, 100) : (1_000_000, 10_000);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
#pragma warning disable CA2100 // Only the SQL constants of this class reach here.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.ExecuteNonQuery();
    }
}

using System.Diagnostics;
using Dapper;
using HelpdeskGamify.Benchmarks.Common;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HelpdeskGamify.Benchmarks.Leaderboards;

/// <summary>
/// Leaderboard reads, three ways over the same members in one run: the in-process
/// <see cref="LeaderboardIndex"/> (what the API reads), the naive SQL over <c>leaderboard_totals</c>, and
/// Redis sorted sets on a local redis-server.
/// </summary>
internal static class LeaderboardBenchmark
{
    private const int Radius = 5;

    private const string SqlTop = """
        SELECT member_key, points FROM leaderboard_totals
        WHERE tenant_id = @T AND board = @B AND period_key = 'all'
        ORDER BY points DESC, member_key LIMIT 10
        """;
    private const string SqlRank = """
        WITH me AS (SELECT points FROM leaderboard_totals WHERE tenant_id = @T AND board = @B AND period_key = 'all' AND member_key = @K)
        SELECT COUNT(*) FROM leaderboard_totals t, me
        WHERE t.tenant_id = @T AND t.board = @B AND t.period_key = 'all'
          AND (t.points > me.points OR (t.points = me.points AND t.member_key < @K))
        """;
    private const string SqlPage = """
        SELECT member_key, points FROM leaderboard_totals
        WHERE tenant_id = @T AND board = @B AND period_key = 'all'
        ORDER BY points DESC, member_key LIMIT @Take OFFSET @Skip
        """;

    public static async Task<bool> RunAsync(Bench bench)
    {
        var (customers, agents) = BigDatabase.Size(bench);
        var (folder, generatedMs) = await BigDatabase.EnsureAsync(customers, agents);
        bench.Note(generatedMs > 0 ? $"Generated the {customers:N0}-customer database in {Stats.Ms(generatedMs)}." : $"Reused the generated {customers:N0}-customer database in {folder}.");
        var index = new LeaderboardIndex(new Database(Options.Create(new StorageOptions { DataDirectory = folder })));
        await using var sql = new SqliteConnection($"Data Source={Path.Combine(folder, "helpdeskgamify.db")};Mode=ReadOnly;Pooling=False");
        await sql.OpenAsync();
        await using var redis = await RedisServer.StartAsync();

        var (inProcCalls, sqlCalls, redisCalls) = bench.Quick ? (2_000, 20, 500) : (200_000, 300, 20_000);
        var budget = TimeSpan.FromSeconds(bench.Quick ? 0.5 : 3);
        var table = new Table($"Leaderboard reads per call ({customers:N0} customers, {agents:N0} agents)",
            "board", "query", "in-process p50", "in-process p99", "SQL p50", "SQL p99", "Redis p50", "Redis p99", "SQL ÷ in-process", "Redis ÷ in-process");
        var goals = new Table("Leaderboard: goals (medians, this run)", "board", "query", "in-process median ≤ 10 µs", "≥ 100× naive SQL", "faster than Redis");
        var ok = true;
        foreach (var (board, members, prefix) in new[] { ("agents", agents, "a"), ("customers", customers, "c") })
        {
            var key = new BoardKey(BigDatabase.Tenant, board, "all");
            var loadStart = Stopwatch.GetTimestamp();
            var count = await index.ReadAsync(key, s => s.Count);
            bench.Note($"{board}: {count:N0} members loaded into the in-process index in {Stats.Ms(Stats.ElapsedMs(loadStart, Stopwatch.GetTimestamp()))}.");
            ok &= count == members;
            var redisKey = $"lb:{BigDatabase.Tenant}:{board}:all";
            if (redis is not null)
            {
                await LoadRedisAsync(redis.Connection.GetDatabase(), redisKey, sql, board);
            }
            var random = new Random(7);
            var keys = Enumerable.Range(0, 1024).Select(_ => prefix + random.Next(members)).ToArray();
            var p = new DynamicParameters(new { T = BigDatabase.Tenant, B = board });
            var db = redis?.Connection.GetDatabase();

            var queries = new (string Name, Func<int, Task> InProcess, Func<int, Task> Sql, Func<int, Task>? Redis)[]
            {
                ("top-10",
                    _ => index.ReadAsync(key, s => s.Range(0, 10)),
                    _ => Task.FromResult(sql.Query(SqlTop, p).AsList()),
                    db is null ? null : _ => Task.FromResult(db.SortedSetRangeByRankWithScores(redisKey, 0, 9, Order.Descending))),
                ("around-me (±5)",
                    i => index.ReadAsync(key, s => s.Around(keys[i % keys.Length], Radius)),
                    i => Task.FromResult(SqlAround(sql, board, keys[i % keys.Length])),
                    db is null ? null : i => Task.FromResult(RedisAround(db, redisKey, keys[i % keys.Length]))),
                ("rank-of-me",
                    i => index.ReadAsync(key, s => s.RankOf(keys[i % keys.Length])),
                    i => Task.FromResult(sql.ExecuteScalar<long>(SqlRank, new { T = BigDatabase.Tenant, B = board, K = keys[i % keys.Length] })),
                    db is null ? null : i => Task.FromResult(db.SortedSetRank(redisKey, keys[i % keys.Length], Order.Descending))),
            };
            foreach (var (name, inProcess, naive, viaRedis) in queries)
            {
                var a = await Measure.CallsAsync(inProcCalls, budget, inProcess);
                var b = await Measure.CallsAsync(sqlCalls, budget, naive);
                var c = viaRedis is null ? [] : await Measure.CallsAsync(redisCalls, budget, viaRedis);
                var (am, bm, cm) = (Stats.Percentile(a, 50), Stats.Percentile(b, 50), Stats.Percentile(c, 50));
                var redisMissing = viaRedis is null ? "redis-server not installed" : null;
                table.Add($"{board} ({members:N0})", name, Stats.Time(am), Stats.Time(Stats.Percentile(a, 99)), Stats.Time(bm), Stats.Time(Stats.Percentile(b, 99)),
                    redisMissing ?? Stats.Time(cm), redisMissing ?? Stats.Time(Stats.Percentile(c, 99)), Stats.Ratio(bm / am), redisMissing ?? Stats.Ratio(cm / am));
                goals.Add(board, name, $"{Stats.Time(am)}: {IngestMet(am <= 10_000)}", $"{Stats.Ratio(bm / am)}: {IngestMet(bm / am >= 100)}",
                    redisMissing ?? $"{Stats.Ratio(cm / am)}: {IngestMet(cm > am)}");
            }
        }
        bench.Print(table);
        bench.Print(goals);
        if (redis is null)
        {
            bench.Note("redis-server is not installed here: the Redis columns are empty (CI installs it).");
        }
        return ok;
    }

    private static string IngestMet(bool met) => Ingest.IngestBenchmark.Met(met);

    private static List<(string, long)> SqlAround(SqliteConnection sql, string board, string member)
    {
        var rank = sql.ExecuteScalar<long>(SqlRank, new { T = BigDatabase.Tenant, B = board, K = member });
        var skip = Math.Max(0, rank - Radius);
        return sql.Query<(string, long)>(SqlPage, new { T = BigDatabase.Tenant, B = board, Take = rank - skip + Radius + 1, Skip = skip }).AsList();
    }

    private static SortedSetEntry[] RedisAround(IDatabase db, string key, string member)
    {
        // Two round trips, as a client without a server-side script would do it.
        var rank = db.SortedSetRank(key, member, Order.Descending) ?? 0;
        return db.SortedSetRangeByRankWithScores(key, Math.Max(0, rank - Radius), rank + Radius, Order.Descending);
    }

    private static async Task LoadRedisAsync(IDatabase db, string key, SqliteConnection sql, string board)
    {
        await db.KeyDeleteAsync(key);
        var rows = sql.Query<(string Member, long Points)>("SELECT member_key, points FROM leaderboard_totals WHERE tenant_id = @T AND board = @B AND period_key = 'all'",
            new { T = BigDatabase.Tenant, B = board });
        var pending = new List<Task>();
        foreach (var chunk in rows.Chunk(10_000))
        {
            pending.Add(db.SortedSetAddAsync(key, chunk.Select(r => new SortedSetEntry(r.Member, r.Points)).ToArray()));
        }
        await Task.WhenAll(pending);
    }
}

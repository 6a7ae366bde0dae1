using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using HelpdeskGamify.Benchmarks.Common;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Zendesk;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Benchmarks.Ingest;

/// <summary>
/// After a run against the real node: waits until the scorer has drained the inbox, then proves that
/// every acknowledged fact is in the inbox once, scored once, and that totals equal the ledger, and that
/// redeliveries (same body; same fact in a different body) change nothing.
/// </summary>
internal static class LedgerCheck
{
    private const string Pending = "SELECT COUNT(*) FROM inbox WHERE status = 0";
    private const string LastStaged = "SELECT COALESCE(MAX(id), 0) FROM inbox";
    private const string MovedThrough = "SELECT moved_through_id FROM inbox_staging_mark";
    private const string Counts = """
        SELECT (SELECT COUNT(*) FROM inbox WHERE tenant_id = @T) AS Inbox,
               (SELECT COUNT(*) FROM inbox WHERE tenant_id = @T AND status = 2) AS FailedRows,
               (SELECT COUNT(*) FROM ledger WHERE tenant_id = @T) AS Ledger,
               (SELECT COALESCE(SUM(points), 0) FROM ledger WHERE tenant_id = @T) AS LedgerPoints,
               (SELECT COALESCE(SUM(pending_points), 0) FROM ledger WHERE tenant_id = @T) AS PendingPoints,
               (SELECT COALESCE(SUM(points), 0) FROM leaderboard_totals WHERE tenant_id = @T AND board = 'agents' AND period_key = 'all') AS TotalPoints
        """;

    public sealed record Snapshot(long Inbox, long FailedRows, long Ledger, long LedgerPoints, long PendingPoints, long TotalPoints)
    {
        public override string ToString() => $"inbox {Inbox}, ledger {Ledger}, points {LedgerPoints}, board {TotalPoints}";
    }

    /// <summary>Milliseconds until no inbox row is pending (the scorer caught up).</summary>
    public static async Task<double> WaitDrainedAsync(string databasePath, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await OpenAsync(databasePath);
        while (await StagedWaitingAsync(databasePath) || await connection.ExecuteScalarAsync<long>(Pending) > 0)
        {
            if (Stats.ElapsedMs(started, Stopwatch.GetTimestamp()) > timeout.TotalMilliseconds)
            {
                throw new TimeoutException($"The scorer did not drain the inbox within {timeout}.");
            }
            await Task.Delay(20);
        }
        return Stats.ElapsedMs(started, Stopwatch.GetTimestamp());
    }

    public static async Task<Snapshot> SnapshotAsync(string databasePath, string tenant)
    {
        await using var connection = await OpenAsync(databasePath);
        return await connection.QuerySingleAsync<Snapshot>(Counts, new { T = tenant });
    }

    /// <summary>Checks the run and returns (all exact?, table).</summary>
    public static async Task<(bool Ok, Table Table)> VerifyAsync(AgentHubProcess node, string tenant, string secret, string prefix, DateTimeOffset at, LoadResult load)
    {
        var sample = ZendeskPayloadParser.Parse(LoadGenerator.BodyOf(prefix, 1, at))[0];
        var awards = RuleEvaluator.Evaluate(sample, DefaultRules.Set);
        var before = await SnapshotAsync(node.DatabasePath, tenant);
        var table = new Table("Ingest: exactly-once check on the real node", "check", "expected", "actual", "ok");
        var ok = true;
        void Check(string what, object expected, object actual, bool pass)
        {
            table.Add(what, expected, actual, pass ? "yes" : "NO");
            ok &= pass;
        }

        // A request the generator gave up on may still have been committed, so with failures the count is a range.
        Check("inbox rows = acknowledged facts", load.Failed == 0 ? load.Ok : $"{load.Ok}..{load.Sent}", before.Inbox,
            load.Failed == 0 ? before.Inbox == load.Ok : before.Inbox >= load.Ok && before.Inbox <= load.Sent);
        Check("rows that failed scoring", 0, before.FailedRows, before.FailedRows == 0);
        Check("ledger rows = rows × awards per fact", before.Inbox * awards.Count, before.Ledger, before.Ledger == before.Inbox * awards.Count);
        // Solve points are pending until a rating or the quiet window, so they count as settled plus pending.
        var earned = before.LedgerPoints + before.PendingPoints;
        Check("ledger points (settled + pending)", before.Inbox * awards.Sum(a => a.Points), earned, earned == before.Inbox * awards.Sum(a => a.Points));
        Check("all-time board total = settled ledger points", before.LedgerPoints, before.TotalPoints, before.TotalPoints == before.LedgerPoints);

        // Redeliveries: the same body under a new signature, and the same fact with another body.
        var url = new Uri(node.BaseAddress, "/webhooks/zendesk/" + tenant);
        var duplicates = 0;
        var tries = (int)Math.Min(10, load.Ok);
        for (var i = 1; i <= tries; i++)
        {
            var same = LoadGenerator.BodyOf(prefix, i, at);
            var reworded = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(same).Replace("\"tags\":\"bench\"", "\"tags\":\"bench resent\"", StringComparison.Ordinal));
            foreach (var body in new[] { same, reworded })
            {
                using var response = await node.Http.SendAsync(Webhooks.SignedPost(url, secret, body));
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                duplicates += response.IsSuccessStatusCode && answer.GetProperty("status").GetString() == "duplicate" ? 1 : 0;
            }
        }
        await WaitDrainedAsync(node.DatabasePath, TimeSpan.FromSeconds(30));
        var after = await SnapshotAsync(node.DatabasePath, tenant);
        Check("redeliveries answered 'duplicate'", tries * 2, duplicates, duplicates == tries * 2);
        Check("redeliveries changed nothing", before, after, before == after);
        return (ok, table);
    }

    // A node with a staging inbox (docs/architecture.md) acknowledges into inbox-staging.db beside the database; its
    // facts count as drained once the main file's mark has passed them. The staging file is read first, the mark after.
    private static async Task<bool> StagedWaitingAsync(string databasePath)
    {
        var staging = Path.Combine(Path.GetDirectoryName(databasePath)!, "inbox-staging.db");
        if (!File.Exists(staging))
        {
            return false;
        }
        long last;
        await using (var staged = await OpenAsync(staging))
        {
            last = await staged.ExecuteScalarAsync<long>(LastStaged);
        }
        await using var main = await OpenAsync(databasePath);
        return last > await main.ExecuteScalarAsync<long>(MovedThrough);
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA busy_timeout=10000");
        return connection;
    }
}

using Dapper;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.TestSupport;

/// <summary>
/// Reads a node's staging inbox from outside the process (docs/architecture.md, "The staging inbox"): a fact
/// acknowledged into <c>inbox-staging.db</c> counts as moved once the main file's mark has passed it.
/// </summary>
public static class StagedFacts
{
    /// <summary>Whether acknowledged facts still wait in the staging file of <paramref name="dataDirectory"/>.</summary>
    public static async Task<bool> WaitingAsync(string dataDirectory)
    {
        var staging = Path.Combine(dataDirectory, "inbox-staging.db");
        if (!File.Exists(staging))
        {
            return false;
        }
        // The staging file first, the mark after: a move in between is then seen as done, never as not yet staged.
        long last;
        await using (var staged = await OpenAsync(staging))
        {
            last = await staged.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM inbox");
        }
        await using var main = await OpenAsync(Path.Combine(dataDirectory, "helpdeskgamify.db"));
        return last > await main.ExecuteScalarAsync<long>("SELECT moved_through_id FROM inbox_staging_mark");
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA busy_timeout=10000;");
        return connection;
    }
}

using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>Which boards to load after a start: the ones of the current periods, with their member counts.</summary>
public interface IBoardWarmupPlan
{
    /// <summary>Every board with members in one of <paramref name="periodKeys"/>, biggest first.</summary>
    Task<IReadOnlyList<(BoardKey Board, int Members)>> BoardsAsync(IReadOnlyList<string> periodKeys, CancellationToken ct);
}

/// <summary>Reads the plan from <c>leaderboard_totals</c>.</summary>
public sealed class BoardWarmupStore(Database database) : IBoardWarmupPlan
{
    // Across tenants on purpose: the node serves them all. The key's prefix (tenant, board, period)
    // makes this an index-only count, and it leaves those pages in the cache for the loads that follow.
    // BIGINT: SQL Server counts in int, SQLite in a 64-bit integer; the record takes one type.
    private const string SelectBoards = """
        SELECT tenant_id AS TenantId, board AS Board, period_key AS PeriodKey, CAST(COUNT(*) AS BIGINT) AS Members
        FROM leaderboard_totals
        WHERE period_key IN @PeriodKeys
        GROUP BY tenant_id, board, period_key
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<(BoardKey Board, int Members)>> BoardsAsync(IReadOnlyList<string> periodKeys, CancellationToken ct)
    {
        // A plain reader, not a typed Dapper query: on an empty table SQLite reports the count column's type as
        // a BLOB (it has no row to look at), and Dapper then refuses to map it to a number (a fresh install).
        var boards = await database.RetryAsync(async token =>
        {
            await using var connection = await database.OpenAsync(token);
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(SelectBoards, new { PeriodKeys = periodKeys }, cancellationToken: token));
            var found = new List<(BoardKey Board, int Members)>();
            while (await reader.ReadAsync(token))
            {
                found.Add((new BoardKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)), (int)reader.GetInt64(3)));
            }
            return found;
        }, ct);
        return boards.OrderByDescending(b => b.Members).ToList();
    }
}

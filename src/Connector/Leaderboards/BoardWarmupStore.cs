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
        var rows = await database.RetryAsync(async token =>
        {
            await using var connection = await database.OpenAsync(token);
            return await connection.QueryAsync<BoardRow>(new CommandDefinition(SelectBoards, new { PeriodKeys = periodKeys }, cancellationToken: token));
        }, ct);
        return rows.Select(r => (new BoardKey(r.TenantId, r.Board, r.PeriodKey), (int)r.Members)).OrderByDescending(b => b.Item2).ToList();
    }

    private sealed record BoardRow(string TenantId, string Board, string PeriodKey, long Members);
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// <see cref="ISqlDialect.AddToLeaderboardTotals"/> for many rows at once: its one row of values repeated with numbered
/// parameters. A scoring batch writes each member's total once per board and period instead of once per ledger entry.
/// </summary>
public static class BoardTotalRows
{
    /// <summary>The row of values in the one-row statement, in both dialects.</summary>
    public const string FirstRow = "(@Board0, @PeriodKey0, @MemberKey0, @Delta0)";

    /// <summary>
    /// Rows per statement: 4 parameters a row plus <c>@TenantId</c> and <c>@NowMs</c> stays far below SQL Server's 2,100
    /// parameters (and SQLite's 32,766).
    /// </summary>
    public const int MaxRows = 400;

    /// <summary>Parameters a row takes.</summary>
    public const int ParametersPerRow = 4;

    private static readonly ConcurrentDictionary<(Type Dialect, int Rows), string> Statements = new();

    /// <summary>The statement of <paramref name="dialect"/> for <paramref name="rows"/> rows (1 to <see cref="MaxRows"/>).</summary>
    public static string For(ISqlDialect dialect, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        return Statements.GetOrAdd((dialect.GetType(), rows), key => Expand(dialect.AddToLeaderboardTotals, key.Rows));
    }

    /// <summary>The name of a row's parameter: <c>Board</c> of row 3 is <c>Board3</c>.</summary>
    public static string Parameter(string name, int row) => name + row.ToString(CultureInfo.InvariantCulture);

    private static string Expand(string oneRow, int rows)
    {
        var at = oneRow.IndexOf(FirstRow, StringComparison.Ordinal);
        if (at < 0 || oneRow.IndexOf(FirstRow, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException("The one-row board totals statement must contain its row of values exactly once.");
        }
        var sql = new StringBuilder(oneRow.Length + rows * 64);
        sql.Append(oneRow, 0, at);
        for (var i = 0; i < rows; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append("(@Board").Append(n).Append(", @PeriodKey").Append(n).Append(", @MemberKey").Append(n).Append(", @Delta").Append(n).Append(')');
        }
        sql.Append(oneRow, at + FirstRow.Length, oneRow.Length - at - FirstRow.Length);
        return sql.ToString();
    }
}

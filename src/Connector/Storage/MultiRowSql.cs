using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// A dialect statement written for one row of values (parameters numbered 0, so it is checked like every other statement)
/// repeated for many rows with numbered parameters: a scoring batch writes its board totals and outbox events in a few
/// statements instead of one per entry.
/// </summary>
public static partial class MultiRowSql
{
    /// <summary>
    /// Rows per statement: at most 5 parameters a row plus a few shared ones stays below SQL Server's 2,100 parameters
    /// (and SQLite's 32,766).
    /// </summary>
    public const int MaxRows = 400;

    /// <summary>The row of values of <see cref="ISqlDialect.AddToLeaderboardTotals"/>.</summary>
    public const string BoardTotalsRow = "(@Board0, @PeriodKey0, @MemberKey0, @Delta0)";

    /// <summary>The row of values of <see cref="ISqlDialect.InsertOutboxEvents"/>.</summary>
    public const string OutboxEventsRow = "(@Seq0, @TenantId0, @EventType0, @PayloadJson0)";

    /// <summary>The row of values of <see cref="ISqlDialect.AddToBalances"/>.</summary>
    public const string BalancesRow = "(@ParticipantId0, @Points0, @PendingPoints0, @Earned0, @ActivityMs0)";

    private static readonly ConcurrentDictionary<(string Sql, int Rows), string> Statements = new();

    /// <summary><paramref name="oneRow"/> with its <paramref name="row"/> of values repeated <paramref name="rows"/> times (1 to <see cref="MaxRows"/>).</summary>
    public static string For(string oneRow, string row, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        return Statements.GetOrAdd((oneRow, rows), key => Expand(key.Sql, row, key.Rows));
    }

    /// <summary>The name of a row's parameter: <c>Board</c> of row 3 is <c>Board3</c>.</summary>
    public static string Parameter(string name, int row) => name + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A plain command for a statement of <see cref="For"/> (its text depends on the row count, which Dapper's parameter objects
    /// cannot name); bind with <see cref="Bind"/>.
    /// </summary>
    public static DbCommand Command(DbConnection connection, DbTransaction tx, string oneRow, string row, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
#pragma warning disable CA2100 // Built from a dialect statement and numbered parameter names only; every value is a parameter.
        command.CommandText = For(oneRow, row, rows);
#pragma warning restore CA2100
        return command;
    }

    /// <summary>Adds the parameter <c>@</c><paramref name="name"/>.</summary>
    public static void Bind(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Expand(string oneRow, string row, int rows)
    {
        var at = oneRow.IndexOf(row, StringComparison.Ordinal);
        if (at < 0 || oneRow.IndexOf(row, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException("A one-row statement must contain its row of values exactly once.");
        }
        var sql = new StringBuilder(oneRow.Length + rows * (row.Length + 8));
        sql.Append(oneRow, 0, at);
        for (var i = 0; i < rows; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append(NumberedParameter().Replace(row, m => m.Groups[1].Value + n));
        }
        sql.Append(oneRow, at + row.Length, oneRow.Length - at - row.Length);
        return sql.ToString();
    }

    [GeneratedRegex(@"(@\w+?)0\b")]
    private static partial Regex NumberedParameter();
}

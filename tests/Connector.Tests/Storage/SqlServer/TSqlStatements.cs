using System.Reflection;
using System.Text.RegularExpressions;
using HelpdeskGamify.Connector.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HelpdeskGamify.Connector.Tests.Storage.SqlServer;

/// <summary>
/// Every T-SQL statement the product can send to SQL Server, found without a list to maintain:
/// the members of <see cref="SqlServerDialect"/>, every SQL <c>const string</c> of the Connector
/// assembly (shared by both providers, except names ending in <c>Sqlite</c>, which only SQLite runs),
/// and the batches of the SQL Server migrations.
/// </summary>
internal static partial class TSqlStatements
{
    /// <summary>A statement: an id ("SqlServerDialect.X", "Type.Const", "migration 0500 batch 2"), its text, and whether both providers send it.</summary>
    public sealed record Statement(string Id, string Sql, bool Shared);

    public static IReadOnlyList<Statement> All { get; } = Find().ToList();

    private static IEnumerable<Statement> Find()
    {
        var dialect = new SqlServerDialect();
        foreach (var member in typeof(ISqlDialect).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            yield return new Statement($"ISqlDialect.{member.Name}", (string)member.GetValue(dialect)!, Shared: false);
        }
        // A statement that repeats its row of values for a whole batch, also at its largest.
        foreach (var rows in new[] { 2, MultiRowSql.MaxRows })
        {
            yield return new Statement($"ISqlDialect.AddToLeaderboardTotals x{rows}", MultiRowSql.For(dialect.AddToLeaderboardTotals, MultiRowSql.BoardTotalsRow, rows), Shared: false);
            yield return new Statement($"ISqlDialect.InsertOutboxEvents x{rows}", MultiRowSql.For(dialect.InsertOutboxEvents, MultiRowSql.OutboxEventsRow, rows), Shared: false);
        }
        foreach (var type in typeof(Database).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field is { IsLiteral: true } && field.FieldType == typeof(string) && field.GetRawConstantValue() is string sql
                    && LooksLikeSql().IsMatch(sql) && !field.Name.EndsWith("Sqlite", StringComparison.Ordinal))
                {
                    yield return new Statement($"{type.Name}.{field.Name}", sql, Shared: !field.Name.EndsWith("SqlServer", StringComparison.Ordinal));
                }
            }
        }
        foreach (var migration in MigrationRunner.Scripts(StorageProvider.SqlServer))
        {
            for (var i = 0; i < migration.Batches.Count; i++)
            {
                yield return new Statement($"migration {migration.Version:0000}_{migration.Name} batch {i + 1}", migration.Batches[i], Shared: false);
            }
        }
    }

    /// <summary>Parses with the SQL Server 2022 grammar; returns the errors and the <c>@parameters</c> the client must supply.</summary>
    public static (IReadOnlyList<string> Errors, IReadOnlySet<string> Parameters) Parse(string sql)
    {
        // Dapper expands "IN @List" into "IN (@List1, @List2, …)" before SQL Server sees it.
        var sent = DapperList().Replace(sql, "IN (@$1)");
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sent), out var errors);
        var visitor = new VariableVisitor();
        fragment?.Accept(visitor);
        var parameters = visitor.Used.Where(v => !visitor.Declared.Contains(v)).Select(v => v.TrimStart('@')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (errors.Select(e => $"line {e.Line}, col {e.Column}: {e.Message}").ToList(), parameters);
    }

    /// <summary>The <c>@names</c> in a SQLite statement (its twin's parameters must be the same).</summary>
    public static IReadOnlySet<string> SqliteParameters(string sql) =>
        SqliteParameter().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private sealed class VariableVisitor : TSqlFragmentVisitor
    {
        public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(VariableReference node) => Used.Add(node.Name);

        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value);

        // "EXEC sp_x @Formal = value": @Formal names the procedure's parameter, not ours.
        public override void Visit(ExecuteParameter node)
        {
            if (node.Variable is not null)
            {
                Declared.Add(node.Variable.Name);
            }
        }
    }

    [GeneratedRegex(@"^\s*(--[^\n]*\n\s*)*(SELECT|INSERT|UPDATE|DELETE|MERGE|WITH|CREATE|ALTER|DROP|IF|EXEC|DECLARE|PRAGMA)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeSql();

    [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DapperList();

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex SqliteParameter();
}

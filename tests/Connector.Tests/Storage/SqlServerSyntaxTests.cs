using System.Reflection;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HelpdeskGamify.Connector.Tests.Storage;

/// <summary>
/// No SQL Server runs here, so at least every statement the engine would send it must parse as T-SQL:
/// the SQL Server dialect, the SQL Server migrations, and the portable constants of the engine's stores.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    public static TheoryData<string, string> Statements()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in typeof(SqlServerDialect).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            data.Add("dialect " + p.Name, (string)p.GetValue(new SqlServerDialect())!);
        }
        foreach (var m in MigrationRunner.Scripts(StorageProvider.SqlServer))
        {
            for (var i = 0; i < m.Batches.Count; i++)
            {
                data.Add($"migration {m.Version} batch {i}", m.Batches[i]);
            }
        }
        var engineTypes = typeof(ScoringWorker).Assembly.GetTypes().Where(t =>
            (t.Namespace ?? "").StartsWith("HelpdeskGamify.Connector.Scoring", StringComparison.Ordinal)
            || t == typeof(OptOutRegistry) || t == typeof(ParticipantSummaryReader));
        foreach (var t in engineTypes)
        {
            foreach (var f in t.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string) && IsSql((string)f.GetRawConstantValue()!)))
            {
                data.Add($"{t.Name}.{f.Name}", (string)f.GetRawConstantValue()!);
            }
        }
        return data;
    }

    private static bool IsSql(string text) =>
        new[] { "SELECT ", "INSERT ", "UPDATE ", "DELETE ", "MERGE " }.Any(k => text.TrimStart().StartsWith(k, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_parses_as_tsql(string name, string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        // Dapper expands "IN @List" into "IN (@List1, @List2, …)" before SQL Server sees it.
        var sent = System.Text.RegularExpressions.Regex.Replace(sql, @"\bIN\s+@(\w+)", "IN (@$1)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        parser.Parse(new StringReader(sent), out var errors);
        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
    }
}

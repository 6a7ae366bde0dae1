using System.Reflection;
using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.Connector.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HelpdeskGamify.AgentHub.Tests.Data;

/// <summary>
/// No SQL Server runs here, so the SQL Server forms of the views' statements are at least parsed
/// by Microsoft's own T-SQL parser: a syntax slip fails here instead of on a customer's server.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    [Fact]
    public void Team_lead_migration_parses_as_tsql()
    {
        var migration = Assert.Single(MigrationRunner.Scripts(StorageProvider.SqlServer), m => m.Version == 400);

        Assert.All(migration.Batches, batch => AssertParses(batch, $"0400 batch: {batch[..Math.Min(60, batch.Length)]}"));
        Assert.Contains(MigrationRunner.Scripts(StorageProvider.Sqlite), m => m.Version == 400);
    }

    [Fact]
    public void Every_sql_constant_of_the_views_parses_as_tsql()
    {
        var constants = typeof(CatchUpReader).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && !f.Name.EndsWith("Sqlite", StringComparison.Ordinal))
            .Select(f => (Name: $"{f.DeclaringType!.Name}.{f.Name}", Sql: (string)f.GetRawConstantValue()!))
            .Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) || c.Sql.TrimStart().StartsWith("INSERT", StringComparison.Ordinal)
                || c.Sql.TrimStart().StartsWith("DELETE", StringComparison.Ordinal) || c.Sql.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal))
            .ToList();

        Assert.True(constants.Count >= 15, $"found only {constants.Count} statements");
        // Dapper expands "IN @List" into a parameter list at run time; the parser sees the expanded shape.
        Assert.All(constants, c => AssertParses(System.Text.RegularExpressions.Regex.Replace(c.Sql, @"IN @(\w+)", "IN (@$1)"), c.Name));
    }

    [Fact]
    public void Review_flag_decisions_migration_parses_as_tsql()
    {
        var migration = Assert.Single(MigrationRunner.Scripts(StorageProvider.SqlServer), m => m.Version == 830);

        Assert.All(migration.Batches, batch => AssertParses(batch, $"0830 batch: {batch[..Math.Min(60, batch.Length)]}"));
        Assert.Contains(MigrationRunner.Scripts(StorageProvider.Sqlite), m => m.Version == 830);
    }

    private static void AssertParses(string sql, string what)
    {
        using var reader = new StringReader(sql);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.True(errors.Count == 0, $"{what}: {string.Join("; ", errors.Select(e => e.Message))}");
    }
}

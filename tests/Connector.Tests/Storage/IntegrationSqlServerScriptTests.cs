using HelpdeskGamify.Connector.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HelpdeskGamify.Connector.Tests.Storage;

/// <summary>No SQL Server runs here, so the events migrations are at least parsed (their statements are checked by TSqlStatementTests).</summary>
public sealed class IntegrationSqlServerScriptTests
{
    [Theory]
    [InlineData(700)]
    [InlineData(701)]
    public void Sql_server_migrations_of_the_events_feature_parse(int version)
    {
        var migration = Assert.Single(MigrationRunner.Scripts(StorageProvider.SqlServer), m => m.Version == version);
        Assert.Contains(MigrationRunner.Scripts(StorageProvider.Sqlite), m => m.Version == version && m.Name == migration.Name);
        foreach (var batch in migration.Batches)
        {
            AssertParses(batch);
        }
    }

    private static void AssertParses(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
    }
}

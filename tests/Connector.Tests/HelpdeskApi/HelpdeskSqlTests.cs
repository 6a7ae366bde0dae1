using HelpdeskGamify.Connector.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HelpdeskGamify.Connector.Tests.HelpdeskApi;

/// <summary>The SQL Server side of this feature cannot run here without a server; it must at least parse as T-SQL.</summary>
public sealed class HelpdeskSqlTests
{
    [Fact]
    public void The_sql_server_migration_and_statements_parse_as_tsql()
    {
        var migration = MigrationRunner.Scripts(StorageProvider.SqlServer).Single(m => m.Version == 200);
        var dialect = new SqlServerDialect();
        foreach (var sql in migration.Batches.Append(dialect.UpsertDirectoryParticipant).Append(dialect.UpsertHelpdeskCursor))
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Message)) + "\n" + sql);
        }
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        Assert.Equal(MigrationRunner.Scripts(StorageProvider.Sqlite).Select(m => (m.Version, m.Name)),
            MigrationRunner.Scripts(StorageProvider.SqlServer).Select(m => (m.Version, m.Name)));
    }
}

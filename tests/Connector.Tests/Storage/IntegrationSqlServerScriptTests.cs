using HelpdeskGamify.Connector.CustomEvents;
using HelpdeskGamify.Connector.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HelpdeskGamify.Connector.Tests.Storage;

/// <summary>No SQL Server runs here, so the T-SQL of the events and outbound-webhook feature is at least parsed.</summary>
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

    [Fact]
    public void Sql_server_forms_of_the_dialect_helpers_parse()
    {
        AssertParses(IntegrationSql.InsertReturningId(StorageProvider.SqlServer, "api_keys", "tenant_id, name", "@TenantId, @Name"));
        AssertParses(IntegrationSql.SelectTop(StorageProvider.SqlServer, "id FROM outbox_events WHERE fanned_out = 0 ORDER BY id"));
        Assert.EndsWith("RETURNING id", IntegrationSql.InsertReturningId(StorageProvider.Sqlite, "t", "a", "@A"), StringComparison.Ordinal);
        Assert.EndsWith("LIMIT @Limit", IntegrationSql.SelectTop(StorageProvider.Sqlite, "a FROM t"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_statement_of_the_events_and_outbound_stores_parses_as_t_sql()
    {
        var stores = typeof(IntegrationSql).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("HelpdeskGamify.Connector.CustomEvents", StringComparison.Ordinal) || ns == "HelpdeskGamify.Connector.Outbound"));
        var statements = stores
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.DeclaringType!.Name + "." + f.Name, Sql: ((string)f.GetRawConstantValue()!).Trim()))
            .Where(f => f.Name.EndsWith("Rest", StringComparison.Ordinal) || f.Sql.Split(' ', 2)[0] is "SELECT" or "INSERT" or "UPDATE" or "DELETE")
            .ToList();
        Assert.True(statements.Count >= 25, $"found only {statements.Count} statements");
        foreach (var (name, sql) in statements)
        {
            AssertParses(name.EndsWith("Rest", StringComparison.Ordinal) ? IntegrationSql.SelectTop(StorageProvider.SqlServer, sql) : sql);
        }
    }

    private static void AssertParses(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
    }
}

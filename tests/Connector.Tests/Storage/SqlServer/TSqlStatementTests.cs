using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Tests.Storage.SqlServer;

/// <summary>
/// SQL Server cannot run on this machine, so every T-SQL statement is at least parsed by SQL Server's
/// own parser (ScriptDom, SQL Server 2022 grammar) and its parameters are checked against the
/// objects the call sites hand to Dapper.
/// </summary>
public sealed class TSqlStatementTests
{
    public static TheoryData<string> Statements() => new(TSqlStatements.All.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_parses_as_TSql_and_its_parameters_are_bound_at_every_call_site(string id)
    {
        var statement = TSqlStatements.All.Single(s => s.Id == id);
        var (errors, used) = TSqlStatements.Parse(statement.Sql);
        Assert.True(errors.Count == 0, $"{id} does not parse as T-SQL{(statement.Shared ? " (it is shared by both providers, so it must be portable; suffix the constant's name with Sqlite or SqlServer if it is not)" : "")}:\n{string.Join('\n', errors)}\n{statement.Sql}");

        if (id.StartsWith("migration ", StringComparison.Ordinal))
        {
            Assert.True(used.Count == 0, $"{id} uses parameters nobody supplies: {string.Join(", ", used)}");
            return;
        }
        var sites = ConnectorCallSites.Sites.Where(s => s.Statement == id).ToList();
        if (sites.Count == 0 && statement.Id.StartsWith("ISqlDialect.", StringComparison.Ordinal))
        {
            // Not sent by the connector today (e.g. a reference path for benchmarks); its twin check still applies.
            return;
        }
        if (sites.Count == 0)
        {
            // Sent through a variable chosen at run time (e.g. per provider); only parameterless statements may be.
            Assert.True(used.Count == 0, $"{id} takes parameters ({string.Join(", ", used)}) but no CommandDefinition sends it by name, so they cannot be checked.");
            return;
        }
        foreach (var site in sites)
        {
            Assert.True(site.Parameters is not null, $"{site.Where}: the parameter object of {id} cannot be read.");
            var missing = used.Where(p => !site.Parameters!.Contains(p)).ToList();
            Assert.True(missing.Count == 0, $"{site.Where} sends {id} without {string.Join(", ", missing)} (has: {string.Join(", ", site.Parameters!)})");
            // A record shared by several statements may carry more than one of them needs; an object made for the call may not.
            var unused = site.Anonymous ? site.Parameters!.Where(p => !used.Contains(p)).ToList() : [];
            Assert.True(unused.Count == 0, $"{site.Where} passes {string.Join(", ", unused)} that {id} never uses on SQL Server");
        }
    }

    [Fact]
    public void Each_dialect_statement_takes_the_same_parameters_on_both_providers()
    {
        var sqlite = new SqliteDialect();
        var sqlServer = new SqlServerDialect();
        foreach (var member in typeof(ISqlDialect).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            var lite = TSqlStatements.SqliteParameters((string)member.GetValue(sqlite)!);
            var (_, tsql) = TSqlStatements.Parse((string)member.GetValue(sqlServer)!);
            Assert.True(lite.SetEquals(tsql), $"{member.Name}: SQLite uses {string.Join(", ", lite.Order())}, SQL Server {string.Join(", ", tsql.Order())}");
        }
    }

    [Fact]
    public void Every_call_site_sends_a_statement_that_is_checked()
    {
        var known = TSqlStatements.All.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var site in ConnectorCallSites.Sites)
        {
            if (site.Statement is null)
            {
                // Computed SQL (migration batches, a per-provider choice of constants) must not take parameters we cannot see.
                Assert.True(site.Parameters is { Count: 0 }, $"{site.Where} sends computed SQL with parameters; name the statement as a constant or a dialect member.");
                continue;
            }
            Assert.True(known.Contains(site.Statement) || site.Statement.EndsWith("Sqlite", StringComparison.Ordinal),
                $"{site.Where} sends {site.Statement}, which the T-SQL catalogue did not find.");
        }
    }

    [Fact]
    public void The_catalogue_finds_the_statements_of_every_kind()
    {
        var ids = TSqlStatements.All.Select(s => s.Id).ToList();
        Assert.Contains("ISqlDialect.InsertInboxIfAbsent", ids);
        Assert.Contains("ISqlDialect.ClaimTenantLeases", ids);
        Assert.Contains("DeadLetterStore.Insert", ids);
        Assert.Contains("InboxLeases.ReleaseIdle", ids);
        Assert.Contains("MigrationRunner.LockSqlServer", ids);
        Assert.Contains(ids, id => id.StartsWith("migration 0500_scale_out", StringComparison.Ordinal));
        Assert.Contains(ConnectorCallSites.Sites, s => s.Statement == "ISqlDialect.InsertLedgerIfAbsent" && s.Parameters!.Contains("SourceInboxId"));
    }

    [Fact]
    public void The_parser_check_catches_SQLite_syntax_and_unbound_parameters()
    {
        Assert.NotEmpty(TSqlStatements.Parse("SELECT id FROM inbox ORDER BY id LIMIT @Limit").Errors);
        Assert.NotEmpty(TSqlStatements.Parse("INSERT INTO t (a) VALUES (@A) ON CONFLICT DO NOTHING RETURNING id").Errors);
        var (errors, used) = TSqlStatements.Parse("DECLARE @x INT; EXEC @x = sp_getapplock @Resource = N'r', @LockMode = N'Exclusive'; SELECT @x, @Real WHERE a IN @List");
        Assert.Empty(errors);
        Assert.Equal(["List", "Real"], used.Order());
    }
}

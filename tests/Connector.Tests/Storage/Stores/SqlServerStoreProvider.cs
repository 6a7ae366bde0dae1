using Dapper;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Tests.Storage.Stores;

/// <summary>
/// A new database on the SQL Server named by <c>HELPDESKGAMIFY_SQLSERVER</c> (a connection string whose
/// login may create databases), dropped after the test.
/// </summary>
/// <remarks>
/// The one prerequisite that skips even in CI (<c>HELPDESKGAMIFY_REQUIRE_ALL=1</c>): CI machines have
/// no SQL Server and no container engine, so an absent connection string means "not this machine",
/// not "broken set-up". Set the variable and these tests run, and fail for real.
/// </remarks>
public sealed class SqlServerStoreProvider : IStoreProvider
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string Variable = "HELPDESKGAMIFY_SQLSERVER";

    /// <inheritdoc />
    public async Task<ScratchDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"{Variable} is not set: no SQL Server to test against (skipped even in CI, see the README).");
        var name = "hg_test_" + Guid.NewGuid().ToString("n")[..12];
        var master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString;
        await using (var connection = new SqlConnection(master))
        {
            await connection.ExecuteAsync($"CREATE DATABASE [{name}]");
        }
        var database = new Database(Options.Create(new StorageOptions
        {
            Provider = StorageProvider.SqlServer,
            ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString,
        }));
        return new ScratchDatabase(database, async () =>
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(master);
            await connection.ExecuteAsync($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];");
        });
    }
}

using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>Opens connections to the configured store and knows its dialect.</summary>
public sealed class Database
{
    private readonly string _connectionString;

    /// <summary>Creates the factory from <see cref="StorageOptions"/>.</summary>
    public Database(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Provider = o.Provider;
        Dialect = o.Provider == StorageProvider.SqlServer ? new SqlServerDialect() : new SqliteDialect();
        _connectionString = o.Provider switch
        {
            StorageProvider.SqlServer => o.ConnectionString
                ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is SqlServer."),
            _ => SqliteConnectionString(o),
        };
    }

    /// <summary>The configured provider.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The provider's SQL for the statements that differ.</summary>
    public ISqlDialect Dialect { get; }

    /// <summary>Opens a connection, with the per-connection settings SQLite needs.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = Provider == StorageProvider.SqlServer
            ? new SqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (Provider == StorageProvider.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                // FULL makes every commit survive power loss, which is what the 2xx promises;
                // group commit keeps that affordable.
                pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string SqliteConnectionString(StorageOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            return o.ConnectionString;
        }
        Directory.CreateDirectory(o.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(o.DataDirectory, "helpdeskgamify.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}

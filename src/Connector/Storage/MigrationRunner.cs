using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// Applies the versioned scripts embedded under <c>Storage/Migrations/{Provider}</c>, each once,
/// in order, each in its own transaction, recording them in <c>schema_migrations</c>.
/// </summary>
public sealed class MigrationRunner(Database database, TimeProvider clock, ILogger<MigrationRunner> logger)
{
    private const string CreateHistorySqlite = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at_ms INTEGER NOT NULL)
        """;

    private const string CreateHistorySqlServer = """
        IF OBJECT_ID(N'dbo.schema_migrations', N'U') IS NULL
        CREATE TABLE dbo.schema_migrations (
            version INT NOT NULL PRIMARY KEY,
            name NVARCHAR(200) NOT NULL,
            applied_at_ms BIGINT NOT NULL);
        """;

    // Nodes starting together must not both apply a script: SQL Server serializes whole runs with an
    // application lock held by the session; SQLite's write transaction (BEGIN IMMEDIATE) does the
    // same per script, and each script re-checks inside it whether another node got there first.
    private const string LockSqlServer = """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'helpdeskgamify.migrations', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 120000;
        IF @result < 0 THROW 50001, N'Timed out waiting for another node to finish migrating.', 1;
        """;

    private const string SelectApplied = "SELECT version FROM schema_migrations";

    private const string CountApplied = "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version";

    private const string InsertApplied = "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (@Version, @Name, @AppliedAtMs)";

    /// <summary>The scripts for a provider, in version order.</summary>
    public static IReadOnlyList<Migration> Scripts(StorageProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Migration.From(assembly, n, n[prefix.Length..^4]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Brings the schema up to date.</summary>
    public async Task ApplyAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        if (database.Provider == StorageProvider.Sqlite)
        {
            // WAL is a property of the file: set once, it lets readers run beside the one writer.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL;", cancellationToken: ct));
        }
        if (database.Provider == StorageProvider.SqlServer)
        {
            await connection.ExecuteAsync(new CommandDefinition(LockSqlServer, cancellationToken: ct));
        }
        var createHistory = database.Provider == StorageProvider.SqlServer ? CreateHistorySqlServer : CreateHistorySqlite;
        await connection.ExecuteAsync(new CommandDefinition(createHistory, cancellationToken: ct));
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(SelectApplied, cancellationToken: ct))).ToHashSet();
        foreach (var migration in Scripts(database.Provider).Where(m => !applied.Contains(m.Version)))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountApplied, new { migration.Version }, tx, cancellationToken: ct)) > 0)
            {
                continue;
            }
            foreach (var batch in migration.Batches)
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: tx, cancellationToken: ct));
            }
            await connection.ExecuteAsync(new CommandDefinition(InsertApplied,
                new { migration.Version, migration.Name, AppliedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
        }
    }
}

/// <summary>One versioned schema script, split into batches on lines that read <c>GO</c>.</summary>
public sealed record Migration(int Version, string Name, IReadOnlyList<string> Batches)
{
    internal static Migration From(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(fileName[..underscore].TrimStart('_'), System.Globalization.CultureInfo.InvariantCulture);
        var batches = text.Split('\n')
            .Aggregate(new List<List<string>> { new() }, (acc, line) =>
            {
                if (line.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase)) acc.Add([]);
                else acc[^1].Add(line);
                return acc;
            })
            .Select(lines => string.Join('\n', lines).Trim())
            .Where(b => b.Length > 0)
            .ToList();
        return new Migration(version, fileName[(underscore + 1)..], batches);
    }
}

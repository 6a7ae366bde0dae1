using System.ComponentModel.DataAnnotations;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>Where the ledger lives: <c>Storage:Provider</c> and <c>Storage:ConnectionString</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.SqlServer"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. For SQLite it defaults to a file under <see cref="DataDirectory"/>;
    /// SQL Server has no default.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder for the SQLite file and other local state.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// How long a SQLite write waits for another writer's lock before it fails (and the webhook
    /// answers 503 so that the helpdesk retries). Keep it below the inbox's 30 s answer deadline.
    /// </summary>
    [Range(0, 25_000)]
    public int BusyTimeoutMs { get; set; } = 10_000;
}

/// <summary>The database engines the stores speak.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file (WAL mode).</summary>
    Sqlite,
    /// <summary>SQL Server or Azure SQL through Microsoft.Data.SqlClient.</summary>
    SqlServer,
}

using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Data;

/// <summary>
/// Picks the provider's form of a statement that differs only in row limiting (<c>LIMIT</c> vs
/// <c>TOP</c>). Kept beside the feature stores so their SQL stays readable as constants.
/// </summary>
public static class ProviderSql
{
    /// <summary>The SQLite or SQL Server text, by the configured provider.</summary>
    public static string Pick(Database database, string sqlite, string sqlServer) =>
        database.Provider == StorageProvider.SqlServer ? sqlServer : sqlite;
}

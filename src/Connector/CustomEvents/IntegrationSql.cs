using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.CustomEvents;

/// <summary>
/// The few statements of the events API and the outbound webhooks that differ between SQLite and
/// SQL Server (an insert returning its id, a row limit). Kept beside their feature rather than in
/// <see cref="ISqlDialect"/> so that this feature adds no lines to the shared dialect.
/// </summary>
public static class IntegrationSql
{
    /// <summary>Appends the provider's "return the new id" clause to <c>INSERT INTO t (cols) VALUES (…)</c>.</summary>
    public static string InsertReturningId(StorageProvider provider, string table, string columns, string values) =>
        provider == StorageProvider.SqlServer
            ? $"INSERT INTO {table} ({columns}) OUTPUT inserted.id VALUES ({values});"
            : $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING id";

    /// <summary>Limits <c>SELECT {rest}</c> to <c>@Limit</c> rows.</summary>
    public static string SelectTop(StorageProvider provider, string rest) =>
        provider == StorageProvider.SqlServer
            ? $"SELECT TOP (@Limit) {rest};"
            : $"SELECT {rest} LIMIT @Limit";
}

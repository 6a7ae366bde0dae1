using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// Keeps the Data Protection key ring in the shared database, so every node can decrypt the tenant
/// secrets any node encrypted, with no shared volume. The key XML is what Data Protection writes:
/// with no <c>ProtectKeysWith*</c> configured it is not encrypted, so the database's own access
/// control and encryption at rest protect it (see docs/operations.md).
/// </summary>
public sealed class DatabaseXmlRepository(Database database, TimeProvider clock) : IXmlRepository
{
    private const string SelectAll = "SELECT xml FROM data_protection_keys ORDER BY id";

    /// <inheritdoc />
    /// <remarks>Data Protection's interface is synchronous; it reads the ring rarely (start, then about daily).</remarks>
    public IReadOnlyCollection<XElement> GetAllElements() =>
        database.RetryAsync(async ct =>
        {
            await using var connection = await database.OpenAsync(ct);
            return (await connection.QueryAsync<string>(new CommandDefinition(SelectAll, cancellationToken: ct))).Select(XElement.Parse).ToList();
        }).AsTask().GetAwaiter().GetResult();

    private const string InsertIfAbsent = """
        INSERT INTO data_protection_keys (friendly_name, xml, created_at_ms)
        SELECT @FriendlyName, @Xml, @CreatedAtMs
        WHERE NOT EXISTS (SELECT 1 FROM data_protection_keys WHERE friendly_name = @FriendlyName)
        """;

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName) =>
        database.RetryAsync(async ct =>
        {
            await using var connection = await database.OpenAsync(ct);
            return await connection.ExecuteAsync(new CommandDefinition(InsertIfAbsent, new
            {
                FriendlyName = friendlyName,
                Xml = element.ToString(SaveOptions.DisableFormatting),
                CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: ct));
        }).AsTask().GetAwaiter().GetResult();
}

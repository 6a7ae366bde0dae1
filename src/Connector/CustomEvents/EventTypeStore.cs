using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.CustomEvents;

/// <summary>Tenant-defined event types. A tenant's definition of a built-in name replaces the built-in schema.</summary>
public sealed class EventTypeStore(Database database, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string SelectByTenant = "SELECT name AS Name, schema_json AS SchemaJson FROM custom_event_types WHERE tenant_id = @TenantId ORDER BY name";

    /// <summary>The schemas a tenant's events are checked against: the built-ins overlaid with its own.</summary>
    public async Task<IReadOnlyDictionary<string, EventTypeSchema>> SchemasAsync(string tenantId, CancellationToken ct)
    {
        var all = new Dictionary<string, EventTypeSchema>(BuiltInEventTypes.All, StringComparer.Ordinal);
        foreach (var own in await ListOwnAsync(tenantId, ct))
        {
            all[own.Name] = own;
        }
        return all;
    }

    /// <summary>Only the types the tenant defined.</summary>
    public async Task<IReadOnlyList<EventTypeSchema>> ListOwnAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Name, string SchemaJson)>(new CommandDefinition(SelectByTenant, new { TenantId = tenantId }, cancellationToken: ct));
        return rows.Select(r => new EventTypeSchema(r.Name,
            JsonSerializer.Deserialize<Dictionary<string, AttributeSpec>>(r.SchemaJson, Json) ?? [])).ToList();
    }

    private const string Delete = "DELETE FROM custom_event_types WHERE tenant_id = @TenantId AND name = @Name";
    private const string Insert = """
        INSERT INTO custom_event_types (tenant_id, name, schema_json, created_at_ms, updated_at_ms)
        VALUES (@TenantId, @Name, @SchemaJson, @NowMs, @NowMs)
        """;

    /// <summary>Creates or replaces a type; true when it is new.</summary>
    public async Task<bool> SaveAsync(string tenantId, EventTypeSchema schema, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new
        {
            TenantId = tenantId,
            schema.Name,
            SchemaJson = JsonSerializer.Serialize(schema.Attributes, Json),
            NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        // Delete and insert in one transaction: portable, and types change rarely.
        var existed = await connection.ExecuteAsync(new CommandDefinition(Delete, new { args.TenantId, args.Name }, tx, cancellationToken: ct)) > 0;
        await connection.ExecuteAsync(new CommandDefinition(Insert, args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return !existed;
    }

    /// <summary>Deletes a tenant's type; false when it had none of that name.</summary>
    public async Task<bool> DeleteAsync(string tenantId, string name, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Delete, new { TenantId = tenantId, Name = name }, cancellationToken: ct)) > 0;
    }
}

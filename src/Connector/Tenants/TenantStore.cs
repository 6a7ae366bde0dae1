using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Tenants;

/// <summary>Reads and writes tenants; settings are encrypted with ASP.NET Data Protection before they touch the database.</summary>
public sealed class TenantStore(Database database, IDataProtectionProvider protection, TimeProvider clock, ILogger<TenantStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = protection.CreateProtector("HelpdeskGamify.TenantSettings.v1");

    private const string SelectById = """
        SELECT id AS Id, name AS Name, platform AS Platform, settings_protected AS SettingsProtected, widget_origins AS WidgetOrigins
        FROM tenants WHERE id = @Id
        """;

    /// <summary>The tenant with this id, or null.</summary>
    public async Task<Tenant?> FindAsync(string id, CancellationToken ct = default)
    {
        // Every webhook needs its tenant: a failover blip must not turn into 401s or 503s.
        var row = await database.RetryAsync(async token =>
        {
            await using var connection = await database.OpenAsync(token);
            return await connection.QuerySingleOrDefaultAsync<TenantRow>(new CommandDefinition(SelectById, new { Id = id }, cancellationToken: token));
        }, ct);
        return row is null ? null : ToTenant(row);
    }

    private const string SelectIds = "SELECT id FROM tenants ORDER BY id";

    /// <summary>Every tenant id.</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(SelectIds, cancellationToken: ct))).ToList();
    }

    /// <summary>Creates or replaces a tenant.</summary>
    public async Task SaveAsync(Tenant tenant, CancellationToken ct = default)
    {
        var settings = _protector.Protect(JsonSerializer.Serialize(tenant.Settings, Json));
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.UpsertTenant, new
        {
            tenant.Id,
            tenant.Name,
            tenant.Platform,
            SettingsProtected = settings,
            WidgetOrigins = JsonSerializer.Serialize(tenant.WidgetOrigins, Json),
            NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken: ct));
    }

    private Tenant ToTenant(TenantRow row) => new(
        row.Id,
        row.Name,
        row.Platform,
        Unprotect(row),
        JsonSerializer.Deserialize<List<string>>(row.WidgetOrigins, Json) ?? []);

    private TenantSettings Unprotect(TenantRow row)
    {
        try
        {
            return JsonSerializer.Deserialize<TenantSettings>(_protector.Unprotect(row.SettingsProtected), Json) ?? new TenantSettings();
        }
        catch (CryptographicException ex)
        {
            // The key ring that encrypted these secrets is gone (a new data directory, or keys not
            // shared between nodes). Without secrets every webhook is refused until an admin
            // sets them again; the node itself keeps running.
            logger.LogError(ex, "The secrets of tenant {Tenant} cannot be decrypted; set them again with PUT /api/admin/tenants/{Tenant}", row.Id, row.Id);
            return new TenantSettings { SecretsUnreadable = true };
        }
    }

    private sealed record TenantRow(string Id, string Name, string Platform, string SettingsProtected, string WidgetOrigins);
}

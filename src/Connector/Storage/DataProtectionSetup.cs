using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// Keeps the Data Protection key ring (which encrypts tenant secrets at rest) where every node and
/// every restart finds it, under one application name: in the database (<c>DataProtection:KeyStore</c>
/// = <c>Database</c>, the default on SQL Server) or in <c>{DataDirectory}/keys</c> (<c>FileSystem</c>,
/// the default on SQLite, whose nodes share the data directory anyway).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>The configuration key choosing the store.</summary>
    public const string KeyStoreSetting = "DataProtection:KeyStore";

    /// <summary>Adds Data Protection with its keys in the configured store.</summary>
    public static IServiceCollection AddTenantSecretProtection(this IServiceCollection services)
    {
        // Before AddDataProtection: its warm-up must find the key this makes under the shared lock.
        services.AddHostedService<FirstDataProtectionKey>();
        services.AddDataProtection().SetApplicationName("HelpdeskGamify");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, Microsoft.Extensions.Configuration.IConfiguration, IServiceProvider>((o, storage, configuration, sp) =>
            {
                o.XmlRepository = UseDatabase(configuration[KeyStoreSetting], storage.Value.Provider)
                    ? new DatabaseXmlRepository(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>())
                    : FileSystem(storage.Value);
            });
        return services;
    }

    /// <summary>Whether the key ring goes to the database for this setting and provider.</summary>
    public static bool UseDatabase(string? setting, StorageProvider provider) => setting?.Trim().ToLowerInvariant() switch
    {
        "database" => true,
        "filesystem" => false,
        null or "" or "auto" => provider == StorageProvider.SqlServer,
        _ => throw new InvalidOperationException($"{KeyStoreSetting} must be Auto, Database or FileSystem, not '{setting}'."),
    };

    private static FileSystemXmlRepository FileSystem(StorageOptions storage)
    {
        var folder = Path.GetFullPath(Path.Combine(storage.DataDirectory, "keys"));
        Directory.CreateDirectory(folder);
        return new FileSystemXmlRepository(new DirectoryInfo(folder), NullLoggerFactory.Instance);
    }
}

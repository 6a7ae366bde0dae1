using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// Keeps the Data Protection key ring (which encrypts tenant secrets at rest) beside the data,
/// under one application name, so that a restart or another node can read what this one wrote.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Adds Data Protection with its keys in <c>{DataDirectory}/keys</c>.</summary>
    public static IServiceCollection AddTenantSecretProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("HelpdeskGamify");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>>((o, storage) =>
            {
                var folder = Path.GetFullPath(Path.Combine(storage.Value.DataDirectory, "keys"));
                Directory.CreateDirectory(folder);
                o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    new DirectoryInfo(folder), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            });
        return services;
    }
}

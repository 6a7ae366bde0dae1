using System.Security.Cryptography;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Auth;

/// <summary>
/// Secrets a Development node makes for itself when none are configured: created once, kept in the
/// data directory, so that a restart does not invalidate the admin key or issued tokens.
/// Production must configure them (startup fails with the setting's name otherwise).
/// </summary>
public static class LocalSecrets
{
    /// <summary>Returns the configured value, or in Development the generated one kept in <paramref name="fileName"/>.</summary>
    public static string Resolve(string? configured, string settingName, string fileName, IHostEnvironment env, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (!env.IsDevelopment())
        {
            throw new InvalidOperationException($"{settingName} is not configured. Set it (environment variable {settingName.Replace(":", "__", StringComparison.Ordinal)}) on every node.");
        }
        Directory.CreateDirectory(storage.DataDirectory);
        var path = Path.Combine(storage.DataDirectory, fileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return value;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Compares a presented secret with the configured one in time that depends on neither: both are
/// hashed first, so even their lengths are not revealed by how long the comparison takes.
/// </summary>
public static class SecretComparer
{
    /// <summary>Whether <paramref name="given"/> equals <paramref name="expected"/>; false when either is missing.</summary>
    public static bool Matches(string? expected, string? given)
    {
        // Missing values still cost two hashes, so an unconfigured tenant answers as fast as a configured one.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(expected ?? "\u0000no-secret"));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? "\u0000no-given"));
        return CryptographicOperations.FixedTimeEquals(a, b) && !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(given);
    }
}

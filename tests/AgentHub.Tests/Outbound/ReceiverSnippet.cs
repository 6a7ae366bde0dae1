using System.Security.Cryptography;
using System.Text;

namespace HelpdeskGamify.AgentHub.Tests.Outbound;

/// <summary>The verification snippet of docs/outbound-webhooks.md, verbatim, so the docs are tested.</summary>
public static class ReceiverSnippet
{
    public static bool Verify(string secret, string header, string body, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
        if (!long.TryParse(parts["t"].FirstOrDefault(), out var t)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t) > tolerance.TotalSeconds) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return parts["v1"].Any(v => v.Length == 64 && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v)));
    }
}

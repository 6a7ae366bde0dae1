using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Security;

/// <summary>Hand-made JWTs: valid ones, and every way of getting one wrong that an attacker would try.</summary>
public static class TokenForge
{
    /// <summary>A token signed with <paramref name="key"/> (the host's key by default) over these claims.</summary>
    public static string Sign(IDictionary<string, object> claims, string alg = "HS256", byte[]? key = null)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = alg, ["typ"] = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var input = Encoding.ASCII.GetBytes(header + "." + payload);
        var signature = alg switch
        {
            "none" => "",
            "HS512" => Encode(HMACSHA512.HashData(key ?? HostKey, input)),
            _ => Encode(HMACSHA256.HashData(key ?? HostKey, input)),
        };
        return header + "." + payload + "." + signature;
    }

    /// <summary>The claims of a normal token; change what the case needs.</summary>
    public static Dictionary<string, object> Claims(string tenant, string role, string subject, TimeSpan? expiresIn = null, string issuer = "helpdeskgamify", string audience = "helpdeskgamify")
    {
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, object>
        {
            ["tenant"] = tenant,
            ["role"] = role,
            ["sub"] = subject,
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + (expiresIn ?? TimeSpan.FromHours(1))).ToUnixTimeSeconds(),
        };
    }

    /// <summary>A valid token with its payload swapped for another one (signature left as it was).</summary>
    public static string TamperPayload(string token, Func<Dictionary<string, JsonElement>, Dictionary<string, JsonElement>> change)
    {
        var parts = token.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Decode(parts[1]))!;
        return parts[0] + "." + Encode(JsonSerializer.SerializeToUtf8Bytes(change(claims))) + "." + parts[2];
    }

    private static byte[] HostKey => Convert.FromBase64String(GameHost.SigningKey);

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}

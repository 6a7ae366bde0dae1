using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>
/// <c>X-HelpdeskGamify-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c>.
/// The timestamp is signed with the body so that a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header name.</summary>
    public const string Header = "X-HelpdeskGamify-Signature";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="at"/>.</summary>
    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Zendesk's webhook signature: base64(HMAC-SHA256(secret, timestamp + raw body)), with the
/// timestamp required to be within a window of now so that a captured request cannot be replayed later.
/// </summary>
public static class ZendeskSignature
{
    /// <summary>How far the signed timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Computes the signature for a body, as Zendesk does.</summary>
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>
    /// Whether the signature is valid for this secret, body and timestamp at <paramref name="now"/>.
    /// The comparison takes the same time wherever the first difference is.
    /// </summary>
    public static bool Verify(string secret, string? timestamp, ReadOnlySpan<byte> body, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || signature.Length > 128)
        {
            return false;
        }
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (now - signedAt).Duration() > Window)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

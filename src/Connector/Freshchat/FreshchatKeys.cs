using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HelpdeskGamify.Connector.Freshchat;

/// <summary>
/// Parsed Freshchat public keys, one per tenant, re-parsed only when the tenant's PEM changes.
/// Freshchat's admin shows the key armored as "RSA PUBLIC KEY" (PKCS#1) although the bytes inside
/// are a SubjectPublicKeyInfo, so the armor label is ignored and both encodings are tried.
/// </summary>
public sealed class FreshchatKeys
{
    private const int MaxCached = 10_000;

    // RSAParameters rather than RSA instances: an RSA object is not safe to share across threads,
    // while creating one from parameters per verification is cheap.
    private readonly ConcurrentDictionary<string, (string Pem, RSAParameters? Key)> _cache = new(StringComparer.Ordinal);

    private static readonly Lazy<RSAParameters> Decoy = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(false);
    });

    /// <summary>Whether <paramref name="signatureBase64"/> is an RSA-SHA256 PKCS#1 v1.5 signature of <paramref name="body"/> by the tenant's key.</summary>
    public bool Verify(string tenantId, string? pem, ReadOnlySpan<byte> body, string? signatureBase64)
    {
        var key = pem is null ? null : KeyFor(tenantId, pem);
        // Without a usable key the work is still done against a decoy, so timing does not tell tenants apart.
        using var rsa = RSA.Create(key ?? Decoy.Value);
        var signature = Decode(signatureBase64);
        var valid = signature is not null
            && rsa.VerifyData(body, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return valid && key is not null;
    }

    /// <summary>Parses a PEM (or bare base64) public key in SubjectPublicKeyInfo or PKCS#1 form; null when it is neither.</summary>
    public static RSAParameters? Parse(string pem)
    {
        var der = Decode(string.Concat(pem.Replace("\\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        if (der is null)
        {
            return null;
        }
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
        }
        catch (CryptographicException)
        {
            try
            {
                rsa.ImportRSAPublicKey(der, out _);
            }
            catch (CryptographicException)
            {
                return null;
            }
        }
        return rsa.ExportParameters(false);
    }

    private RSAParameters? KeyFor(string tenantId, string pem)
    {
        if (_cache.TryGetValue(tenantId, out var hit) && hit.Pem == pem)
        {
            return hit.Key;
        }
        var key = Parse(pem);
        if (_cache.Count < MaxCached || _cache.ContainsKey(tenantId))
        {
            _cache[tenantId] = (pem, key);
        }
        return key;
    }

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64) || base64.Length > 16_384)
        {
            return null;
        }
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}

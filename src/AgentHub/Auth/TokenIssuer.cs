using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskGamify.AgentHub.Auth;

/// <summary>Signs the JWTs that the pages, the widget and the hub present.</summary>
public sealed class TokenIssuer(SigningKey key, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A token for a person of a tenant in a role, valid for <paramref name="lifetime"/> or the configured default.</summary>
    public string Issue(string tenantId, string role, string subject, string? name = null, TimeSpan? lifetime = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [GameClaims.Tenant] = tenantId,
            [GameClaims.Role] = role,
            [GameClaims.Subject] = subject,
        };
        if (name is not null)
        {
            claims["name"] = name;
        }
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? options.Value.TokenLifetime),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>The HS256 key every node shares.</summary>
public sealed class SigningKey(string base64OrText)
{
    /// <summary>The key.</summary>
    public SymmetricSecurityKey Key { get; } = new(Decode(base64OrText)) { KeyId = "hg1" };

    private static byte[] Decode(string value)
    {
        var bytes = TryBase64(value) ?? Encoding.UTF8.GetBytes(value);
        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64 of 32 random bytes is recommended).");
    }

    private static byte[]? TryBase64(string value)
    {
        var normalized = value.Replace('-', '+').Replace('_', '/');
        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        var buffer = new byte[normalized.Length];
        return Convert.TryFromBase64String(normalized, buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>Reads the tenant, role and subject from an authenticated user.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The tenant claim.</summary>
    public static string? TenantId(this ClaimsPrincipal user) => user.FindFirst(GameClaims.Tenant)?.Value;

    /// <summary>The role claim.</summary>
    public static string? Role(this ClaimsPrincipal user) => user.FindFirst(GameClaims.Role)?.Value;

    /// <summary>The subject (helpdesk user id).</summary>
    public static string? Subject(this ClaimsPrincipal user) => user.FindFirst(GameClaims.Subject)?.Value;

    /// <summary>
    /// The admin key: the admin role without a tenant. Admin-role tokens from <c>/tokens</c> always carry their
    /// tenant, so they never count as the key (they administer one tenant's game, not the installation).
    /// </summary>
    public static bool IsAdminKey(this ClaimsPrincipal user) => user.Role() == Roles.Admin && user.TenantId() is null;

    /// <summary>Whether the user may act for <paramref name="tenantId"/> at all.</summary>
    public static bool BelongsTo(this ClaimsPrincipal user, string tenantId) =>
        user.IsAdminKey() || string.Equals(user.TenantId(), tenantId, StringComparison.Ordinal);
}

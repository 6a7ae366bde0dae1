using System.Security.Claims;
using System.Text;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskGamify.AgentHub.Widget;

/// <summary>
/// Checks the identity token the company's own backend signs for a customer (HS256 with the
/// tenant's widget signing secret). No valid identity, no points: this is the only way a
/// customer session is created.
/// </summary>
public sealed class CustomerIdentityValidator(TimeProvider clock)
{
    /// <summary>The longest an identity token may live.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The customer named by a valid token, or null.</summary>
    public async Task<CustomerIdentity?> ValidateAsync(Tenant tenant, string? identityToken)
    {
        var secret = tenant.Settings.WidgetSigningSecret;
        if (secret is null || string.IsNullOrWhiteSpace(identityToken) || identityToken.Length > 4096)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var result = await _handler.ValidateTokenAsync(identityToken, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            // The audience is optional; when the company sets one it must name this tenant.
            ValidateAudience = false,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (_, expires, _, _) => expires is { } exp && exp > now.UtcDateTime && exp - now.UtcDateTime <= MaxLifetime + TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid)
        {
            return null;
        }
        var identity = result.ClaimsIdentity;
        var audience = identity.FindFirst("aud")?.Value;
        if (audience is not null && audience != tenant.Id)
        {
            return null;
        }
        var subject = identity.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 100 || subject.Any(char.IsControl))
        {
            return null;
        }
        var name = identity.FindFirst("name")?.Value;
        var expires = result.SecurityToken.ValidTo;
        return new CustomerIdentity(subject, string.IsNullOrWhiteSpace(name) ? null : name[..Math.Min(name.Length, 200)], new DateTimeOffset(expires, TimeSpan.Zero));
    }
}

/// <summary>A customer the company vouched for, until <see cref="Expires"/>.</summary>
public sealed record CustomerIdentity(string CustomerId, string? Name, DateTimeOffset Expires);

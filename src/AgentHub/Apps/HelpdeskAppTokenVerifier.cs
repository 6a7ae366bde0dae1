using System.Security.Claims;
using System.Text;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskGamify.AgentHub.Apps;

/// <summary>
/// Verifies the JWT a Zendesk or Freshdesk app signs (HS256, the tenant's app shared secret) and
/// reads the helpdesk user it speaks for. Issuer is the helpdesk account's host, audience names
/// this tenant, expiry is required and at most a day ahead.
/// </summary>
public sealed class HelpdeskAppTokenVerifier(TimeProvider clock)
{
    /// <summary>The longest lifetime an app token may claim.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The audience an app token must carry for <paramref name="tenantId"/>.</summary>
    public static string Audience(string tenantId) => $"helpdeskgamify:{tenantId}";

    /// <summary>The verified helpdesk user, or null for any token that does not verify.</summary>
    public async Task<AppUser?> VerifyAsync(Tenant tenant, string platform, string? jwt)
    {
        var (secret, host) = platform switch
        {
            "zendesk" => (tenant.Settings.Zendesk?.AppSharedSecret, tenant.Settings.Zendesk?.Subdomain is { } s ? $"{s}.zendesk.com" : null),
            "freshdesk" => (tenant.Settings.Freshdesk?.AppSharedSecret, tenant.Settings.Freshdesk?.Domain),
            _ => (null, null),
        };
        if (string.IsNullOrEmpty(jwt) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(host) || jwt.Length > 8192)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidIssuers = [host, "https://" + host],
            ValidAudience = Audience(tenant.Id),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && e > now.AddSeconds(-30) && e <= now + MaxLifetime
                && (notBefore is null || notBefore <= now.AddSeconds(30)),
            NameClaimType = "name",
        });
        if (!result.IsValid)
        {
            return null;
        }
        var subject = result.ClaimsIdentity.FindFirst("sub")?.Value;
        return string.IsNullOrWhiteSpace(subject) || subject.Length > 100
            ? null
            : new AppUser(subject, result.ClaimsIdentity.FindFirst("name")?.Value);
    }
}

/// <summary>The helpdesk user an app token names.</summary>
public sealed record AppUser(string UserId, string? Name);

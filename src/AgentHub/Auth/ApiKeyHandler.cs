using System.Security.Claims;
using System.Text.Encodings.Web;
using HelpdeskGamify.Connector.CustomEvents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer hgk_…</c> tenant API keys. The key's tenant becomes the
/// tenant claim, so <see cref="TenantAccessFilter"/> refuses it on any other tenant's routes.
/// Keys are looked up on every request (no cache), so a revocation takes effect at once.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "TenantApiKey";

    /// <summary>Whether an Authorization header carries a tenant API key rather than a JWT or the admin key.</summary>
    public static bool Carries(string authorization) =>
        authorization.StartsWith("Bearer " + ApiKeyStore.Prefix, StringComparison.Ordinal);

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!Carries(header))
        {
            return AuthenticateResult.NoResult();
        }
        var owner = await keys.VerifyAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("Invalid or revoked API key.");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(GameClaims.Role, Roles.Integration),
            new Claim(GameClaims.Tenant, owner.TenantId),
            new Claim(GameClaims.Subject, "api-key:" + owner.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], SchemeName, GameClaims.Subject, GameClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

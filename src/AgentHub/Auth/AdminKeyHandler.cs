using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Auth;

/// <summary>Authenticates <c>Authorization: Bearer {admin key}</c> with a constant-time comparison.</summary>
public sealed class AdminKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKey adminKey) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "AdminKey";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), adminKey.Hash))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid admin key."));
        }
        var identity = new ClaimsIdentity([new Claim(GameClaims.Role, Roles.Admin), new Claim(GameClaims.Subject, "admin")], SchemeName, GameClaims.Subject, GameClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>The admin key, held as its hash so that comparing takes the same time for any input length.</summary>
public sealed class AdminKey(string key)
{
    /// <summary>The key in clear, for printing once at a Development start.</summary>
    public string Value { get; } = key;

    /// <summary>SHA-256 of the key.</summary>
    public byte[] Hash { get; } = SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

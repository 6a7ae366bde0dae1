using System.Security.Claims;

namespace HelpdeskGamify.AgentHub.Auth;

/// <summary>
/// What a validated token leaves behind for the life of a request, and of a hub connection: only
/// the claims the game reads. The identity JWT bearer builds keeps the parsed token (header,
/// payload, raw text) and a claim per registered name (iss, aud, exp, iat, nbf); a SignalR
/// connection holds its principal for hours, so ten thousand of them pay for that ten thousand times.
/// </summary>
public static class SlimPrincipal
{
    /// <summary>The claims kept: tenant, role and subject, the team a helpdesk app may add, the display name.</summary>
    public static readonly IReadOnlySet<string> Kept = new HashSet<string>(StringComparer.Ordinal)
    {
        GameClaims.Tenant, GameClaims.Role, GameClaims.Subject, Hubs.HubMembership.TeamClaim, "name",
    };

    /// <summary>A principal with one plain identity holding only the <see cref="Kept"/> claims of <paramref name="validated"/>.</summary>
    public static ClaimsPrincipal From(ClaimsPrincipal validated)
    {
        var source = validated.Identities.First();
        var identity = new ClaimsIdentity(source.AuthenticationType, GameClaims.Subject, GameClaims.Role);
        foreach (var claim in validated.Claims)
        {
            if (Kept.Contains(claim.Type))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer));
            }
        }
        return new ClaimsPrincipal(identity);
    }
}

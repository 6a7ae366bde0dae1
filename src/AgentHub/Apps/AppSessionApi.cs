using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Apps;

/// <summary>
/// <c>POST /api/tenants/{tenant}/apps/{zendesk|freshdesk}/session</c>: the helpdesk app's signed
/// JWT (in the body as <c>token</c>, or as the bearer header the Zendesk proxy sends) is exchanged
/// for an agent token for the pages and the hub. Every failure answers the same 401, so the
/// route tells nothing about which tenants exist or have an app configured.
/// </summary>
public static class AppSessionApi
{
    /// <summary>Maps the exchange (anonymous: the app token is the credential).</summary>
    public static IEndpointRouteBuilder MapAppSessionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tenants/{tenant}/apps/{platform}/session", ExchangeAsync)
            .AllowAnonymous().WithTags("Apps").WithSummary("Exchanges the helpdesk app's signed JWT for an agent token.");
        return app;
    }

    private static async Task<Results<Ok<AppSession>, ProblemHttpResult>> ExchangeAsync(
        string tenant, string platform, AppSessionRequest? body, HttpContext http,
        TenantDirectory tenants, HelpdeskAppTokenVerifier verifier, TokenIssuer issuer)
    {
        var jwt = body?.Token ?? BearerOf(http);
        var found = await tenants.FindAsync(tenant, http.RequestAborted);
        var user = found is null || found.Platform != platform ? null : await verifier.VerifyAsync(found, platform, jwt);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The app token is not valid for this tenant.");
        }
        var token = issuer.Issue(tenant, Roles.Agent, user.UserId, user.Name);
        return TypedResults.Ok(new AppSession(token, user.UserId, $"/agent#token={token}"));
    }

    private static string? BearerOf(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}

/// <summary>Body of the exchange.</summary>
public sealed record AppSessionRequest(string? Token);

/// <summary>The agent token, whom it names, and the agent page to open with it.</summary>
public sealed record AppSession(string Token, string AgentId, string AgentUrl);

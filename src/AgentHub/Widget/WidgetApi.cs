using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Rewards;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Widget;

/// <summary>
/// The widget's anonymous routes: exchange a company-signed identity for a customer session, and
/// describe the programme to visitors who are not identified.
/// </summary>
public static class WidgetApi
{
    /// <summary>Maps <c>/api/tenants/{tenant}/widget/*</c>.</summary>
    public static RouteGroupBuilder MapWidgetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenant}/widget").WithTags("Widget").AllowAnonymous();
        group.MapPost("/session", CreateSessionAsync).WithSummary("Exchanges the company-signed identity token for a widget session token.");
        group.MapGet("/programme", ProgrammeAsync).WithSummary("What customers can earn and redeem (no identity needed).");
        return group;
    }

    private static async Task<Results<Ok<WidgetSession>, ProblemHttpResult>> CreateSessionAsync(
        string tenant, WidgetSessionRequest body, TenantDirectory tenants, CustomerIdentityValidator validator,
        ParticipantStore participants, TokenIssuer tokens, IOptions<AuthOptions> auth, TimeProvider clock, CancellationToken ct)
    {
        var found = await tenants.FindAsync(tenant, ct);
        var identity = found is null ? null : await validator.ValidateAsync(found, body.IdentityToken);
        if (found is null || identity is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "The identity token is not valid.",
                detail: "It must be an HS256 JWT signed with this tenant's widget secret, with 'sub' and an 'exp' at most 24 hours ahead.");
        }
        await participants.EnsureAsync(tenant, ParticipantKinds.Customer, identity.CustomerId, identity.Name, ct);
        var lifetime = Min(auth.Value.WidgetSessionLifetime, identity.Expires - clock.GetUtcNow());
        var token = tokens.Issue(tenant, Roles.Customer, identity.CustomerId, identity.Name, lifetime);
        return TypedResults.Ok(new WidgetSession(token, new WidgetCustomer(identity.CustomerId, DisplayNames.Pseudonym(identity.Name, identity.CustomerId))));
    }

    private static async Task<Results<Ok<Programme>, ProblemHttpResult>> ProgrammeAsync(
        string tenant, TenantDirectory tenants, RuleBook rules, RewardStore rewards, CancellationToken ct)
    {
        var found = await tenants.FindAsync(tenant, ct);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such programme.");
        }
        var set = await rules.ForAsync(tenant, ct);
        var earn = set.Rules
            .Where(r => r.Award is RuleTarget.Customer or RuleTarget.Both && r.Points > 0)
            .Select(r => new EarnWay(r.Reason.Replace("#{ticket}", "", StringComparison.Ordinal).Trim(), r.Points))
            .ToList();
        var catalog = (await rewards.ListAsync(tenant, ct: ct)).Cast<object>().ToList();
        return TypedResults.Ok(new Programme(found.Name, earn, catalog, set.Levels.Customer.Cast<object>().ToList()));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>The body of <c>POST widget/session</c>.</summary>
public sealed record WidgetSessionRequest(string? IdentityToken);

/// <summary>A widget session: the token for the REST API and the hub, and who it is.</summary>
public sealed record WidgetSession(string Token, WidgetCustomer Customer);

/// <summary>The identified customer, with the name others would see.</summary>
public sealed record WidgetCustomer(string Id, string DisplayName);

/// <summary>The programme as an anonymous visitor sees it.</summary>
public sealed record Programme(string Name, IReadOnlyList<EarnWay> Earn, IReadOnlyList<object> Rewards, IReadOnlyList<object> Tiers);

/// <summary>One way to earn points.</summary>
public sealed record EarnWay(string Description, int Points);

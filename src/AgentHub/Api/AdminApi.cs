using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary><c>/api/admin</c>: connect tenants and issue tokens. Admin key only.</summary>
public static class AdminApi
{
    /// <summary>Maps the admin routes.</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapPut("/tenants/{tenant}", PutTenantAsync).WithSummary("Creates or updates a tenant; secrets are write-only.");
        group.MapGet("/tenants/{tenant}", GetTenantAsync).WithSummary("A tenant without its secrets.");
        group.MapPost("/tenants/{tenant}/tokens", IssueTokenAsync).WithSummary("A token for an agent, a team lead or an admin of this tenant.");
        group.MapDeadLetterApi();
        group.MapPrivacyApi();
        group.MapRulesAdminApi();
        return group;
    }

    private static async Task<Results<Ok<TenantView>, Created<TenantView>, ValidationProblem>> PutTenantAsync(
        string tenant, TenantRequest body, TenantDirectory tenants, CancellationToken ct)
    {
        var errors = TenantRequestValidator.Validate(tenant, body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var existing = await tenants.FindAsync(tenant, ct);
        var saved = TenantRequestValidator.Merge(tenant, body, existing);
        await tenants.SaveAsync(saved, ct);
        var view = TenantView.Of(saved);
        return existing is null ? TypedResults.Created($"/api/admin/tenants/{tenant}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<TenantView>, ProblemHttpResult>> GetTenantAsync(
        string tenant, TenantDirectory tenants, CancellationToken ct)
    {
        var found = await tenants.FindAsync(tenant, ct);
        return found is null ? Problems.TenantNotFound(tenant) : TypedResults.Ok(TenantView.Of(found));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> IssueTokenAsync(
        string tenant, TokenRequest body, TenantDirectory tenants, TokenIssuer issuer, CancellationToken ct)
    {
        if (body.Role is not (Roles.Agent or Roles.TeamLead or Roles.Admin))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["Must be 'agent', 'teamlead' or 'admin' (this tenant's admin)."] });
        }
        if (string.IsNullOrWhiteSpace(body.Subject) || body.Subject.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["The helpdesk user id is required (at most 100 characters)."] });
        }
        if (await tenants.FindAsync(tenant, ct) is null)
        {
            return Problems.TenantNotFound(tenant);
        }
        return TypedResults.Ok(new TokenResponse(issuer.Issue(tenant, body.Role, body.Subject.Trim(), body.Name)));
    }
}

/// <summary>The body of <c>POST /tokens</c>.</summary>
public sealed record TokenRequest(string? Role, string? Subject, string? Name = null);

/// <summary>The issued token.</summary>
public sealed record TokenResponse(string Token);

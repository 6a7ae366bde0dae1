using System.Security.Claims;
using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.AgentHub.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Kpis;

/// <summary><c>/kpis</c>: the dashboard and its configurable targets.</summary>
public static class KpiApi
{
    /// <summary>Maps the KPI routes into the team-lead group.</summary>
    public static RouteGroupBuilder MapKpiApi(this RouteGroupBuilder leads)
    {
        leads.MapGet("/kpis", async (string tenant, KpiDashboard dashboard, CancellationToken ct) =>
            TypedResults.Ok(new { kpis = await dashboard.ReadAsync(tenant, ct) })).WithTags("KPIs").WithSummary("KPIs with trend and target.");
        leads.MapPut("/kpis/targets", SetTargetsAsync).WithTags("KPIs").WithSummary("Sets targets, e.g. {\"monthly_active\": 75}.");
        return leads;
    }

    private static async Task<Results<NoContent, ValidationProblem>> SetTargetsAsync(
        string tenant, Dictionary<string, double> body, ClaimsPrincipal user, KpiStore store, TimeProvider clock, CancellationToken ct)
    {
        var unknown = body.Keys.Where(k => !KpiDefinitions.IsKnown(k)).ToList();
        if (unknown.Count > 0)
        {
            return Problems.BadQuery("kpi", $"Unknown KPI: {string.Join(", ", unknown)}.");
        }
        if (body.Values.Any(v => double.IsNaN(v) || double.IsInfinity(v) || Math.Abs(v) > 1e12))
        {
            return Problems.BadQuery("target", "Targets are finite numbers.");
        }
        await store.SetTargetsAsync(tenant, body, user.Subject() ?? "admin", clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        return TypedResults.NoContent();
    }
}

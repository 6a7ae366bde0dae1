using System.Text;
using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.Connector.Scoring.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.TeamLead.Stats;

/// <summary><c>/stats/agents</c>: per-agent numbers for a date range, as JSON, as CSV, and one agent day by day.</summary>
public static class StatsApi
{
    /// <summary>Maps the stats routes into the team-lead group.</summary>
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder leads)
    {
        var stats = leads.MapGroup("/stats").WithTags("Team lead");
        stats.MapGet("/agents", PageAsync).WithSummary("Per-agent stats for from..to (yyyy-MM-dd, to included).");
        stats.MapGet("/agents.csv", CsvAsync).WithSummary("The same as CSV.");
        stats.MapGet("/agents/{agentId}/daily", DailyAsync).WithSummary("One agent's daily trend.");
        return leads;
    }

    private static async Task<Results<Ok<AgentStatsPage>, ValidationProblem>> PageAsync(
        string tenant, string? from, string? to, AgentStatsStore store, RuleBook rules, TimeProvider clock, CancellationToken ct)
    {
        var (range, error) = StatsRange.Parse(from, to, clock.GetUtcNow());
        return error is not null ? Problems.BadQuery("from", error) : TypedResults.Ok(await ReadAsync(tenant, range, store, rules, clock, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> CsvAsync(
        string tenant, string? from, string? to, AgentStatsStore store, RuleBook rules, TimeProvider clock, CancellationToken ct)
    {
        var (range, error) = StatsRange.Parse(from, to, clock.GetUtcNow());
        if (error is not null)
        {
            return Problems.BadQuery("from", error);
        }
        var csv = StatsCsv.Write(await ReadAsync(tenant, range, store, rules, clock, ct));
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            $"agents-{tenant}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<Ok<AgentDailyPage>, ValidationProblem>> DailyAsync(
        string tenant, string agentId, string? from, string? to, AgentStatsStore store, TimeProvider clock, CancellationToken ct)
    {
        var (range, error) = StatsRange.Parse(from, to, clock.GetUtcNow());
        if (error is not null)
        {
            return Problems.BadQuery("from", error);
        }
        var facts = await store.FactsAsync(tenant, range.FromMs, range.ToMs, range.ToMs, ct);
        var points = await store.PointsAsync(tenant, range.FromMs, range.ToMs, agentId, ct);
        return TypedResults.Ok(new AgentDailyPage(agentId, AgentStatsCalculator.Daily(agentId, range.From, range.To, facts, points)));
    }

    /// <summary>The stats page of a range (used by the CSV, the JSON and the KPI dashboard).</summary>
    public static async Task<AgentStatsPage> ReadAsync(string tenant, StatsRange range, AgentStatsStore store, RuleBook rules, TimeProvider clock, CancellationToken ct)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var facts = await store.FactsAsync(tenant, range.FromMs, range.ToMs, Math.Max(nowMs, range.ToMs), ct);
        var points = await store.PointsAsync(tenant, range.FromMs, range.ToMs, null, ct);
        var agents = await store.AgentsAsync(tenant, ct);
        var badges = await store.BadgesAsync(tenant, range.FromMs, range.ToMs, ct);
        // Names come from the tenant's current rule set; a badge since removed from it shows its id.
        var names = (await rules.ForAsync(tenant, ct)).Badges.ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        var rows = AgentStatsCalculator.Compute(agents, facts, points, range.ToMs, badges, names);
        var categories = points.Select(p => p.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new AgentStatsPage(range.From, range.To, categories, rows);
    }
}

/// <summary>One agent's daily trend.</summary>
public sealed record AgentDailyPage(string AgentId, IReadOnlyList<AgentDay> Days);

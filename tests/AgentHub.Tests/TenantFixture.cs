using System.Net.Http.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests;

/// <summary>Two tenants with agents on teams, their awards posted as real signed webhooks.</summary>
internal static class Scenario
{
    public static async Task<string> PostAsync(GameHost host, string tenant, string secret, string body)
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost(tenant, secret, body));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task SolveAsync(GameHost host, string tenant, string secret, string ticket, string agent, string name, string team, DateTimeOffset? at = null)
    {
        await SettleAtOnceAsync(host, tenant);
        await PostAsync(host, tenant, secret, ZendeskWebhooks.Trigger("ticket.solved", ticket, assigneeId: agent, assigneeName: name, group: team, updatedAt: at));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GameHost, HashSet<string>> Settled = [];

    /// <summary>
    /// These views' tests count points as solves arrive, so their tenants play the default rules without the engine's
    /// pending window, bad-rating penalty and quests (the engine's own tests cover those); set once per host and tenant.
    /// </summary>
    private static async Task SettleAtOnceAsync(GameHost host, string tenant)
    {
        var done = Settled.GetOrCreateValue(host);
        lock (done)
        {
            if (!done.Add(tenant))
            {
                return;
            }
        }
        using var admin = host.AdminClient();
        await SettleAtOnceAsync(admin, tenant);
    }

    /// <summary>Makes <paramref name="tenant"/> play without the pending window and bad-rating penalty.</summary>
    public static Task SettleAtOnceAsync(HttpClient admin, string tenant) => SettledTenants.SettleAtOnceAsync(admin, tenant);

    /// <summary>Waits until the agent's summary shows at least <paramref name="points"/>.</summary>
    public static async Task WaitForPointsAsync(GameHost host, string tenant, string agent, long points)
    {
        using var admin = host.AdminClient();
        await GameHost.WaitUntilAsync(async () =>
        {
            using var response = await admin.GetAsync($"/api/tenants/{tenant}/agents/{agent}");
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            var summary = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            // Settled and pending together: the scorer may hold points back until a rating arrives.
            var pending = summary.TryGetProperty("pendingPoints", out var p) ? p.GetInt64() : 0;
            return summary.GetProperty("points").GetInt64() + pending >= points;
        }, what: $"{points} points for {tenant}/{agent}");
        // Views that read inbox (stats, KPIs) must also see facts that earn no points, posted before this wait.
        await host.InboxMovedAsync();
    }
}

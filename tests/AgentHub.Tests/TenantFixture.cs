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

    public static Task SolveAsync(GameHost host, string tenant, string secret, string ticket, string agent, string name, string team, DateTimeOffset? at = null) =>
        PostAsync(host, tenant, secret, ZendeskWebhooks.Trigger("ticket.solved", ticket, assigneeId: agent, assigneeName: name, group: team, updatedAt: at));

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
    }
}

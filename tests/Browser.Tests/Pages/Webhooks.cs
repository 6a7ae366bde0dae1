using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Browser.Tests.Pages;

internal static class Webhooks
{
    public static async Task SolveAsync(GameHost host, string tenant, string secret, string ticket, string agent, string name, string team = "Tier 1")
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost(tenant, secret,
            ZendeskWebhooks.Trigger("ticket.solved", ticket, assigneeId: agent, assigneeName: name, group: team)));
        response.EnsureSuccessStatusCode();
    }

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
            var summary = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var pending = summary.TryGetProperty("pendingPoints", out var p) ? p.GetInt64() : 0;
            return summary.GetProperty("points").GetInt64() + pending >= points;
        }, what: $"{points} points for {agent}");
    }
}

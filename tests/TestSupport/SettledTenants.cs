using System.Text;
using System.Text.Json.Nodes;

namespace HelpdeskGamify.TestSupport;

/// <summary>
/// Tenants whose solves settle at once: no pending window, no bad-rating penalty, no quests. For
/// tests about pages, pushes and boards rather than about the pending rules themselves.
/// </summary>
public static class SettledTenants
{
    /// <summary>Creates a Zendesk tenant that settles at once and returns its webhook secret.</summary>
    public static async Task<string> CreateSettledZendeskTenantAsync(this GameHost host, string tenant)
    {
        var secret = await host.CreateZendeskTenantAsync(tenant);
        using var admin = host.AdminClient();
        await SettleAtOnceAsync(admin, tenant);
        return secret;
    }

    /// <summary>Makes <paramref name="tenant"/> play without the pending window and bad-rating penalty, through any node's admin client.</summary>
    public static async Task SettleAtOnceAsync(HttpClient admin, string tenant)
    {
        var rules = JsonNode.Parse(await admin.GetStringAsync($"/api/admin/tenants/{tenant}/rules"))!.AsObject();
        rules["pending"] = new JsonObject { ["windowHours"] = 0 };
        var kept = new JsonArray();
        foreach (var rule in rules["rules"]!.AsArray().Where(r => r!["id"]!.GetValue<string>() != "agent.bad-rating"))
        {
            kept.Add(rule!.DeepClone());
        }
        rules["rules"] = kept;
        rules["quests"] = new JsonArray(); // quest rewards would add ledger rows no webhook caused
        using var response = await admin.PutAsync($"/api/admin/tenants/{tenant}/rules",
            new StringContent(rules.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}

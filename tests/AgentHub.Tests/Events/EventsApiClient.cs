using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Events;

/// <summary>Helpers for the events API over real HTTP.</summary>
public static class EventsApiClient
{
    /// <summary>Creates an API key through the admin API and returns it in clear.</summary>
    public static async Task<(long Id, string Key)> CreateKeyAsync(GameHost host, string tenant, string name = "crm")
    {
        using var admin = host.AdminClient();
        using var response = await admin.PostAsJsonAsync($"/api/admin/tenants/{tenant}/api-keys", new { name });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("apiKey").GetProperty("id").GetInt64(), body.GetProperty("key").GetString()!);
    }

    /// <summary>Posts a JSON body to the events route with an API key and an optional Idempotency-Key.</summary>
    public static async Task<HttpResponseMessage> PostAsync(GameHost host, string tenant, string key, object body, string? idempotencyKey = null)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{tenant}/events")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request);
    }

    /// <summary>A customer's all-time total, or null before their first award.</summary>
    public static async Task<JsonElement?> CustomerAsync(GameHost host, string tenant, string customerId)
    {
        using var admin = host.AdminClient();
        using var response = await admin.GetAsync($"/api/tenants/{tenant}/customers/{customerId}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    /// <summary>A customer's ledger entries (up to 200, newest first); empty before the first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> LedgerAsync(GameHost host, string tenant, string customerId)
    {
        using var admin = host.AdminClient();
        using var response = await admin.GetAsync($"/api/tenants/{tenant}/customers/{customerId}/ledger?limit=200");
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray().ToList()
            : [];
    }

    /// <summary>
    /// The points of a customer's ledger entries from the events rules, sorted. Other entries (badge or
    /// quest rewards of the engine) are left out so that assertions hold whatever the tenant's game adds.
    /// </summary>
    public static async Task<IReadOnlyList<(string Rule, int Points)>> RuleEntriesAsync(GameHost host, string tenant, string customerId) =>
        (await LedgerAsync(host, tenant, customerId))
            .Select(e => (Rule: e.GetProperty("ruleId").GetString()!, Points: e.GetProperty("points").GetInt32()))
            .Where(e => e.Rule.StartsWith("customer.", StringComparison.Ordinal))
            .OrderBy(e => e.Rule, StringComparer.Ordinal).ToList();
}

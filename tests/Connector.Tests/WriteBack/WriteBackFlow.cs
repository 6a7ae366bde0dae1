using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Tests.HelpdeskApi;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.WriteBack;

/// <summary>Drives a redemption through the real HTTP API and reads the write-back jobs from the admin API.</summary>
internal static class WriteBackFlow
{
    /// <summary>Fast polling and retries, so that a retried job runs within the test.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastSettings = new Dictionary<string, string?>
    {
        ["WriteBack:PollInterval"] = "00:00:00.100",
        ["WriteBack:RetryBaseDelay"] = "00:00:00.200",
        ["WriteBack:MaxRetryDelay"] = "00:00:02",
        ["WriteBack:MaxAttempts"] = "20",
    };

    /// <summary>Puts a priority-service reward and a discount code on offer, and gives the customer 50 points (a referral through the events API).</summary>
    public static async Task PrepareAsync(ConnectHarness h, string tenant, string customerId)
    {
        using var admin = h.Host.AdminClient();
        (await admin.PutAsJsonAsync($"/api/admin/tenants/{tenant}/rewards/fast-lane", new { name = "Fast lane", kind = "priority_service", cost = 5 })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/tenants/{tenant}/rewards/discount", new { name = "5% off", kind = "discount_code", cost = 5 })).EnsureSuccessStatusCode();
        using var keyResponse = await admin.PostAsJsonAsync($"/api/admin/tenants/{tenant}/api-keys", new { name = "crm" });
        keyResponse.EnsureSuccessStatusCode();
        var key = (await keyResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        using var events = h.Host.CreateClient();
        events.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var posted = await events.PostAsJsonAsync($"/api/tenants/{tenant}/events",
            new { events = new object[] { new { id = "referral-1", type = "referral.converted", customerId, occurredAt = at } } });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        await GameHost.WaitUntilAsync(async () =>
        {
            using var response = await admin.GetAsync($"/api/tenants/{tenant}/customers/{Uri.EscapeDataString(customerId)}");
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").GetInt64() >= 50;
        }, TimeSpan.FromSeconds(15), "the customer's referral points");
    }

    /// <summary>Redeems as the customer through <c>POST …/redemptions</c>; returns the redemption id.</summary>
    public static async Task<long> RedeemAsync(ConnectHarness h, string tenant, string customerId, string rewardId = "fast-lane")
    {
        using var customer = h.Host.ClientWithToken(h.Host.Service<TokenIssuer>().Issue(tenant, Roles.Customer, customerId));
        using var response = await customer.PostAsJsonAsync($"/api/tenants/{tenant}/customers/{Uri.EscapeDataString(customerId)}/redemptions", new { rewardId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redemptionId").GetInt64();
    }

    /// <summary>The tenant's write-back jobs from the admin API, newest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> JobsAsync(ConnectHarness h, string tenant, long? redemptionId = null)
    {
        using var admin = h.Host.AdminClient();
        var query = redemptionId is null ? "" : $"?redemptionId={redemptionId}";
        var body = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{tenant}/write-backs{query}");
        return body.GetProperty("writeBacks").EnumerateArray().ToList();
    }

    /// <summary>Waits until the redemption's job is in <paramref name="status"/> (and <paramref name="also"/> holds) and returns it.</summary>
    public static async Task<JsonElement> WaitForJobAsync(ConnectHarness h, string tenant, long redemptionId, string status, Func<JsonElement, bool>? also = null)
    {
        JsonElement job = default;
        await GameHost.WaitUntilAsync(async () =>
        {
            var jobs = await JobsAsync(h, tenant, redemptionId);
            if (jobs.Count != 1)
            {
                return false;
            }
            job = jobs[0];
            return job.GetProperty("status").GetString() == status && (also?.Invoke(job) ?? true);
        }, TimeSpan.FromSeconds(20), $"write-back of redemption {redemptionId} to be {status}");
        return job;
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Kpis;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Review;

public sealed class KpiDashboardTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Kpis_count_this_months_activity_complaints_and_points()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var now = DateTimeOffset.UtcNow;
        await Scenario.SolveAsync(_host, "acme", secret, "1", "9001", "Ingrid", "Tier 1", now);
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "1", assigneeId: "9001", assigneeName: "Ingrid", requesterId: "7001", satisfaction: "Bad", updatedAt: now));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "2", assigneeId: "9001", assigneeName: "Ingrid", requesterId: "7002", requesterName: "Ola", satisfaction: "Good", updatedAt: now));
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 25);
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        using var admin = _host.AdminClient();
        await GameHost.WaitUntilAsync(async () => (await admin.GetAsync("/api/tenants/acme/customers/7002")).IsSuccessStatusCode, what: "the customer's points");

        var kpis = (await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/kpis")).GetProperty("kpis").EnumerateArray()
            .ToDictionary(k => k.GetProperty("key").GetString()!, k => k);

        Assert.Equal(1, kpis["complaints"].GetProperty("value").GetDouble());
        Assert.True(kpis["complaints"].GetProperty("met").GetBoolean());
        // Three people registered (the agent and two customers), all with ledger entries this month.
        Assert.Equal(100, kpis["monthly_active"].GetProperty("value").GetDouble());
        Assert.Equal(6, kpis["monthly_active"].GetProperty("trend").GetArrayLength());
        Assert.Equal(4, kpis["registered_growth"].GetProperty("trend").GetArrayLength());
        var issued = kpis["points_issued"].GetProperty("value").GetDouble();
        Assert.True(issued >= 35, $"issued {issued}"); // 10 solve + 15 good rating + 5 + 5 customers' ratings
        Assert.Equal(0, kpis["points_redeemed"].GetProperty("value").GetDouble());
    }

    [Fact]
    public void Growth_is_relative_to_the_period_before_and_unknown_from_zero()
    {
        Assert.Equal(20, KpiDashboard.Growth(100, 120));
        Assert.Equal(-50, KpiDashboard.Growth(10, 5));
        Assert.Null(KpiDashboard.Growth(0, 7));
    }

    public void Dispose() => _host.Dispose();
}

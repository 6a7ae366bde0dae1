using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.TeamLead;

public sealed class AgentStatsCsvTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Csv_export_has_one_correct_row_per_agent_and_defuses_formulas()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var day = DateTimeOffset.UtcNow.Date;
        var at = new DateTimeOffset(day, TimeSpan.Zero).AddHours(1);
        await Scenario.SolveAsync(_host, "acme", secret, "1", "9001", "Ingrid, \"the\" Dahl", "Tier 1", at);
        await Scenario.SolveAsync(_host, "acme", secret, "2", "9001", "Ingrid, \"the\" Dahl", "Tier 1", at.AddMinutes(5));
        await Scenario.SolveAsync(_host, "acme", secret, "3", "9002", "=HYPERLINK(\"http://x\")", "Tier 2", at.AddMinutes(6));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "1", assigneeId: "9001", assigneeName: "Ingrid, \"the\" Dahl", satisfaction: "Good", updatedAt: at.AddMinutes(10)));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "2", assigneeId: "9001", assigneeName: "Ingrid, \"the\" Dahl", satisfaction: "Bad", updatedAt: at.AddMinutes(11)));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.reopened", "2", assigneeId: "9001", assigneeName: "Ingrid, \"the\" Dahl", updatedAt: at.AddMinutes(12)));
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 35);
        await Scenario.WaitForPointsAsync(_host, "acme", "9002", 10);
        var lead = await _host.TokenAsync("acme", "teamlead", "lead-1");
        using var client = _host.ClientWithToken(lead);
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await client.GetAsync($"/api/tenants/acme/stats/agents.csv?from={date}&to={date}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("agent_id,name,team,solved,first_reply_median_min,resolution_median_min,csat_percent,ratings,fcr_percent,points,badges,badge_names,points_productivity,points_quality", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal("9001,\"Ingrid, \"\"the\"\" Dahl\",Tier 1,2,,,50,2,50,35,1,First solve,20,15", lines[1]);
        Assert.Equal("9002,\"'=HYPERLINK(\"\"http://x\"\")\",Tier 2,1,,,,0,100,10,1,First solve,10,0", lines[2]);
    }

    [Fact]
    public async Task Stats_json_and_daily_trend_agree_with_the_ledger()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var today = DateTimeOffset.UtcNow.Date;
        await Scenario.SolveAsync(_host, "acme", secret, "1", "9001", "Ingrid", "Tier 1", new DateTimeOffset(today.AddDays(-1), TimeSpan.Zero).AddHours(9));
        await Scenario.SolveAsync(_host, "acme", secret, "2", "9001", "Ingrid", "Tier 1", new DateTimeOffset(today, TimeSpan.Zero).AddMinutes(1));
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 20);
        var lead = await _host.TokenAsync("acme", "teamlead", "lead-1");
        using var client = _host.ClientWithToken(lead);
        var from = today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/tenants/acme/stats/agents?from={from}&to={to}");
        var daily = await client.GetFromJsonAsync<JsonElement>($"/api/tenants/acme/stats/agents/9001/daily?from={from}&to={to}");

        var row = Assert.Single(page.GetProperty("agents").EnumerateArray());
        Assert.Equal(2, row.GetProperty("solved").GetInt32());
        Assert.Equal(20, row.GetProperty("points").GetInt64());
        Assert.Equal([0, 1, 1], daily.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("solved").GetInt32()));
        Assert.Equal([0L, 10L, 10L], daily.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("points").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/tenants/acme/stats/agents?from={to}&to={from}")).StatusCode);
    }

    [Fact]
    public async Task Badges_column_lists_the_badges_earned_in_the_range_with_their_tiers()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var ticket = 1; ticket <= 5; ticket++)
        {
            await Scenario.SolveAsync(_host, "acme", secret, ticket.ToString(System.Globalization.CultureInfo.InvariantCulture), "9001", "Ingrid", "Tier 1", at.AddMinutes(ticket));
        }
        await Scenario.SolveAsync(_host, "acme", secret, "6", "9002", "Ola", "Tier 1", at);
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 50);
        await Scenario.WaitForPointsAsync(_host, "acme", "9002", 10);
        using var client = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var earlier = DateTimeOffset.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/tenants/acme/stats/agents?from={today}&to={today}");
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/tenants/acme/stats/agents?from={earlier}&to={yesterday}");
        var csv = await client.GetStringAsync($"/api/tenants/acme/stats/agents.csv?from={today}&to={today}");

        var ingrid = page.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == "9001");
        Assert.Equal(2, ingrid.GetProperty("badgeCount").GetInt32());
        var badges = ingrid.GetProperty("badges").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!);
        Assert.Equal(["busy-day", "first-solve"], badges.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("bronze", badges["busy-day"].GetProperty("tier").GetString());
        Assert.Equal("Busy day (bronze)", badges["busy-day"].GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, badges["first-solve"].GetProperty("tier").ValueKind);
        Assert.Equal("First solve", badges["first-solve"].GetProperty("name").GetString());
        var ola = page.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == "9002");
        Assert.Equal("first-solve", Assert.Single(ola.GetProperty("badges").EnumerateArray()).GetProperty("id").GetString());
        // Badges are counted where they were earned: none before today.
        Assert.All(before.GetProperty("agents").EnumerateArray(), a => Assert.Equal(0, a.GetProperty("badgeCount").GetInt32()));
        var row = csv.TrimStart('\uFEFF').Split("\r\n").Single(l => l.StartsWith("9001,", StringComparison.Ordinal));
        Assert.Contains(",50,2,", row, StringComparison.Ordinal);
        Assert.Equal(["Busy day (bronze)", "First solve"], row.Split(',')[11].Split("; ").Order(StringComparer.Ordinal));
    }

    public void Dispose() => _host.Dispose();
}

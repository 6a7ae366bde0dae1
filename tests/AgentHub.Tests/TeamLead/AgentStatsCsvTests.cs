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
        Assert.Equal("agent_id,name,team,solved,first_reply_median_min,resolution_median_min,csat_percent,ratings,fcr_percent,points,points_productivity,points_quality", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal("9001,\"Ingrid, \"\"the\"\" Dahl\",Tier 1,2,,,50,2,50,35,20,15", lines[1]);
        Assert.Equal("9002,\"'=HYPERLINK(\"\"http://x\"\")\",Tier 2,1,,,,0,100,10,10,0", lines[2]);
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

    public void Dispose() => _host.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.AgentHub.Tests.Review;

public sealed class ReviewQueueTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Contested_award_is_reversed_live_and_kept_in_the_audit_trail()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        await Scenario.SolveAsync(_host, "acme", secret, "42", "9001", "Ingrid", "Tier 1");
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 10);
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        await using var hub = _host.Hub(await _host.TokenAsync("acme", "agent", "9001"));
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("pointsAwarded", m => pushed.TrySetResult(m));
        await hub.StartAsync();

        var awards = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/awards?agent=9001");
        var ledgerId = awards.GetProperty("items")[0].GetProperty("ledgerId").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/tenants/acme/review/items", new { ledgerId, note = "same customer twice" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync("/api/tenants/acme/review/items", new { ledgerId })).StatusCode);
        var queue = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/queue");
        Assert.Equal(ledgerId, Assert.Single(queue.GetProperty("items").EnumerateArray()).GetProperty("ledgerId").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsJsonAsync($"/api/tenants/acme/review/items/{ledgerId}/decision", new { decision = "contest" })).StatusCode);

        using var decided = await lead.PostAsJsonAsync($"/api/tenants/acme/review/items/{ledgerId}/decision", new { decision = "contest", note = "duplicate ticket" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var reversal = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(-10, reversal.GetProperty("points").GetInt32());
        Assert.StartsWith("Contested: Solved ticket #42", reversal.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var summary = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/agents/9001");
        Assert.Equal(0, summary.GetProperty("points").GetInt64());
        var board = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents?period=all");
        Assert.Equal(0, board.GetProperty("entries")[0].GetProperty("points").GetInt64());
        var trail = Assert.Single((await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/decisions")).GetProperty("items").EnumerateArray());
        Assert.Equal("contested", trail.GetProperty("decision").GetString());
        Assert.Equal("lead-1", trail.GetProperty("author").GetString());
        Assert.Empty((await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/queue")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/tenants/acme/review/items/{ledgerId}/decision", new { decision = "approve" })).StatusCode);
    }

    [Fact]
    public async Task Manual_adjustment_is_a_ledger_entry_with_its_reason()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        await Scenario.SolveAsync(_host, "acme", secret, "1", "9001", "Ingrid", "Tier 1");
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 10);
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));

        using var created = await lead.PostAsJsonAsync("/api/tenants/acme/agents/9001/adjustments", new { points = 25, category = "quality", reason = "Covered the holiday queue" });
        using var unknown = await lead.PostAsJsonAsync("/api/tenants/acme/agents/nobody/adjustments", new { points = 5, reason = "x" });
        using var noReason = await lead.PostAsJsonAsync("/api/tenants/acme/agents/9001/adjustments", new { points = 5 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var ledger = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/agents/9001/ledger");
        var newest = ledger.GetProperty("entries")[0];
        Assert.Equal("adjustment", newest.GetProperty("kind").GetString());
        Assert.Equal(25, newest.GetProperty("points").GetInt64());
        Assert.Equal("Covered the holiday queue", newest.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Coaching_notes_keep_author_and_time_and_kpi_targets_are_configurable()
    {
        await _host.CreateZendeskTenantAsync("acme");
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));

        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/tenants/acme/agents/9001/notes", new { body = "Great empathy on #42" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PutAsJsonAsync("/api/tenants/acme/kpis/targets", new Dictionary<string, double> { ["monthly_active"] = 80 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PutAsJsonAsync("/api/tenants/acme/kpis/targets", new Dictionary<string, double> { ["nonsense"] = 1 })).StatusCode);

        var note = Assert.Single((await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/agents/9001/notes")).GetProperty("items").EnumerateArray());
        Assert.Equal("lead-1", note.GetProperty("author").GetString());
        Assert.True(note.GetProperty("createdAtMs").GetInt64() > 0);
        var kpis = (await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/kpis")).GetProperty("kpis").EnumerateArray().ToList();
        Assert.Equal(6, kpis.Count);
        Assert.Equal(80, kpis.Single(k => k.GetProperty("key").GetString() == "monthly_active").GetProperty("target").GetDouble());
        Assert.Equal(20, kpis.Single(k => k.GetProperty("key").GetString() == "registered_growth").GetProperty("target").GetDouble());
    }

    public void Dispose() => _host.Dispose();
}

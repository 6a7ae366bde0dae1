using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Review;

/// <summary>The engine's flags in the review queue, raised by real webhooks and joined with their awards on the server.</summary>
public sealed class FlagQueueTests : IDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-2);
    private readonly GameHost _host = new();

    [Fact]
    public async Task Ticket_splitting_flag_lists_its_awards_and_a_contest_reverses_them_for_good_with_an_audit_trail()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        await _host.CreateZendeskTenantAsync("globex");
        using (var admin = _host.AdminClient())
        {
            await Scenario.SettleAtOnceAsync(admin, "acme");
        }
        // Four tiny tickets from one requester within minutes, each solved at once by the same agent; one more from someone else.
        for (var i = 1; i <= 4; i++)
        {
            await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.created", $"s{i}", requesterId: "7001", updatedAt: T0.AddMinutes(i)));
            await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.solved", $"s{i}", requesterId: "7001", updatedAt: T0.AddMinutes(i).AddSeconds(30)));
        }
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.created", "other", requesterId: "7002", updatedAt: T0));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "other", requesterId: "7002", updatedAt: T0.AddMinutes(1)));
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 50);
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        using var globexLead = _host.ClientWithToken(await _host.TokenAsync("globex", "teamlead", "lead-1"));

        var flag = await OpenFlagAsync(lead, "ticket-splitting");

        Assert.Equal("9001", flag.GetProperty("participantId").GetString());
        Assert.Equal(["s1", "s2", "s3", "s4"], flag.GetProperty("ticketIds").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
        var awards = flag.GetProperty("awards").EnumerateArray().ToList();
        Assert.Equal(["s1", "s2", "s3", "s4"], awards.Select(a => a.GetProperty("ticketId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(awards, a => Assert.Equal(10, a.GetProperty("points").GetInt64()));
        Assert.All(awards, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("decision").ValueKind));
        Assert.Empty((await globexLead.GetFromJsonAsync<JsonElement>("/api/tenants/globex/review/queue")).GetProperty("flags").EnumerateArray());
        var flagId = flag.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await globexLead.PostAsJsonAsync($"/api/tenants/acme/review/flags/{flagId}/decision", new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globexLead.PostAsJsonAsync($"/api/tenants/globex/review/flags/{flagId}/decision", new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsJsonAsync($"/api/tenants/acme/review/flags/{flagId}/decision", new { decision = "contest" })).StatusCode);

        using var contested = await lead.PostAsJsonAsync($"/api/tenants/acme/review/flags/{flagId}/decision", new { decision = "contest", note = "one question split in four" });

        Assert.Equal(HttpStatusCode.OK, contested.StatusCode);
        var result = await contested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(40, result.GetProperty("pointsReversed").GetInt64());
        Assert.Equal(4, result.GetProperty("decidedLedgerIds").GetArrayLength());
        Assert.Equal(4, result.GetProperty("adjustmentLedgerIds").GetArrayLength());
        Assert.Equal(10, await PointsAsync(lead, "9001"));
        var queue = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/queue");
        Assert.Empty(queue.GetProperty("flags").EnumerateArray());
        var engineFlag = Assert.Single((await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/flags?status=contested")).GetProperty("flags").EnumerateArray());
        Assert.Equal(flagId, engineFlag.GetProperty("id").GetInt64());
        var trail = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/decisions");
        var flagDecision = Assert.Single(trail.GetProperty("flags").EnumerateArray());
        Assert.Equal("contested", flagDecision.GetProperty("decision").GetString());
        Assert.Equal("lead-1", flagDecision.GetProperty("author").GetString());
        Assert.Equal("ticket-splitting", flagDecision.GetProperty("kind").GetString());
        var awardDecisions = trail.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, awardDecisions.Count);
        Assert.All(awardDecisions, d => Assert.Equal(flagId, d.GetProperty("flagId").GetInt64()));
        Assert.All(awardDecisions, d => Assert.Equal("contested", d.GetProperty("decision").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/tenants/acme/review/flags/{flagId}/decision", new { decision = "approve" })).StatusCode);
        var firstAward = awards[0].GetProperty("ledgerId").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/tenants/acme/review/items/{firstAward}/decision", new { decision = "approve" })).StatusCode);

        // The engine recomputes a ticket when a new fact arrives; the reversal must survive it.
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "s1", requesterId: "7001", satisfaction: "Good", updatedAt: T0.AddMinutes(20)));
        var ledger = await WaitForLedgerAsync(lead, "9001", e => e.GetProperty("reason").GetString()!.Contains("rating", StringComparison.OrdinalIgnoreCase));
        var rating = ledger.First(e => e.GetProperty("reason").GetString()!.Contains("rating", StringComparison.OrdinalIgnoreCase)).GetProperty("points").GetInt64();
        Assert.Equal(10 + rating, await PointsAsync(lead, "9001"));
        Assert.DoesNotContain(ledger, e => e.GetProperty("reason").GetString()!.Contains("taken back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reopen_loop_flag_is_approved_with_its_awards_and_changes_no_points()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        using (var admin = _host.AdminClient())
        {
            await Scenario.SettleAtOnceAsync(admin, "acme");
        }
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "77", updatedAt: T0));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.reopened", "77", updatedAt: T0.AddMinutes(5)));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "77", updatedAt: T0.AddMinutes(10)));
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));

        var flag = await OpenFlagAsync(lead, "reopen-loop");
        var before = await PointsAsync(lead, "9001");

        Assert.Equal("77", Assert.Single(flag.GetProperty("ticketIds").EnumerateArray()).GetString());
        var awards = flag.GetProperty("awards").EnumerateArray().ToList();
        Assert.NotEmpty(awards);
        Assert.All(awards, a => Assert.Equal("77", a.GetProperty("ticketId").GetString()));
        Assert.All(awards, a => Assert.Equal("9001", a.GetProperty("agentId").GetString()));
        using var approved = await lead.PostAsJsonAsync($"/api/tenants/acme/review/flags/{flag.GetProperty("id").GetInt64()}/decision", new { decision = "approve", note = "a real follow-up" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var result = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("pointsReversed").GetInt64());
        Assert.Equal(awards.Count, result.GetProperty("decidedLedgerIds").GetArrayLength());
        Assert.Equal(before, await PointsAsync(lead, "9001"));
        Assert.Single((await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/flags?status=approved")).GetProperty("flags").EnumerateArray());
        var trail = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/decisions");
        Assert.All(trail.GetProperty("items").EnumerateArray(), d => Assert.Equal("approved", d.GetProperty("decision").GetString()));
        Assert.Equal("a real follow-up", Assert.Single(trail.GetProperty("flags").EnumerateArray()).GetProperty("note").GetString());
    }

    private static async Task<JsonElement> OpenFlagAsync(HttpClient lead, string kind)
    {
        JsonElement found = default;
        await GameHost.WaitUntilAsync(async () =>
        {
            var queue = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/queue");
            var flags = queue.GetProperty("flags").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == kind).ToList();
            if (flags.Count == 0)
            {
                return false;
            }
            found = Assert.Single(flags);
            return true;
        }, what: $"an open {kind} flag");
        return found;
    }

    private static async Task<long> PointsAsync(HttpClient lead, string agent) =>
        (await lead.GetFromJsonAsync<JsonElement>($"/api/tenants/acme/agents/{agent}")).GetProperty("points").GetInt64();

    private static async Task<List<JsonElement>> WaitForLedgerAsync(HttpClient lead, string agent, Func<JsonElement, bool> seen)
    {
        var entries = new List<JsonElement>();
        await GameHost.WaitUntilAsync(async () =>
        {
            entries = (await lead.GetFromJsonAsync<JsonElement>($"/api/tenants/acme/agents/{agent}/ledger?limit=100")).GetProperty("entries").EnumerateArray().ToList();
            return entries.Any(seen);
        }, what: "the rating's ledger entry");
        return entries;
    }

    public void Dispose() => _host.Dispose();
}

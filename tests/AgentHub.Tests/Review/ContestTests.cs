using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Tests.Ingest;
using HelpdeskGamify.Connector.Scoring.Tickets.Release;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Review;

/// <summary>
/// A contest in every state of a ticket's award, on the default rules (72 h quiet window, bad-rating penalty):
/// real webhooks, the real scorer and release pass, the host's clock moved past the window.
/// </summary>
public sealed class ContestTests : IDisposable
{
    private readonly ClockedGameHost _host = new();

    [Fact]
    public async Task Contested_pending_award_is_cancelled_and_never_released()
    {
        var (secret, lead) = await SolvedAsync("p1");
        var pending = await LedgerIdAsync(lead, "pending");

        var decision = await ContestAsync(lead, pending);

        Assert.Equal((0, 0), await PointsAsync(lead));
        var cancel = await EntryAsync(lead, decision.GetProperty("adjustmentLedgerId").GetInt64());
        Assert.Equal(-10, cancel.GetProperty("pendingPoints").GetInt32());
        Assert.StartsWith("Contested: Solved ticket #p1", cancel.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // A second ticket solved at the same time shows the release pass really runs.
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "p2", updatedAt: _host.Clock.GetUtcNow()));
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 10);
        _host.Clock.Advance(TimeSpan.FromHours(73));
        await _host.Service<ReleasePass>().RunAsync(CancellationToken.None);
        Assert.Equal((10, 0), await PointsAsync(lead));
        var entries = await LedgerAsync(lead);
        Assert.DoesNotContain(entries, e => e.GetProperty("ticketId").GetString() == "p1" && e.GetProperty("kind").GetString() == "release");
        var trail = Assert.Single((await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/decisions")).GetProperty("items").EnumerateArray());
        Assert.Equal(cancel.GetProperty("id").GetInt64(), trail.GetProperty("adjustmentLedgerId").GetInt64());
    }

    [Fact]
    public async Task Contested_released_award_is_taken_back_once_and_a_reopen_takes_nothing_more()
    {
        var (secret, lead) = await SolvedAsync("s1");
        _host.Clock.Advance(TimeSpan.FromHours(73));
        await _host.Service<ReleasePass>().RunAsync(CancellationToken.None);
        Assert.Equal((10, 0), await PointsAsync(lead));
        var release = await LedgerIdAsync(lead, "release");

        await ContestAsync(lead, release);

        Assert.Equal((0, 0), await PointsAsync(lead));
        // A reopen after the window, signed at the host's (moved) clock.
        using (var client = _host.CreateClient())
        {
            var now = _host.Clock.GetUtcNow();
            using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.reopened", "s1", updatedAt: now), at: now));
            response.EnsureSuccessStatusCode();
        }
        await WaitForFactsAsync("s1", 2);
        Assert.Equal((0, 0), await PointsAsync(lead));
        Assert.Single(await LedgerAsync(lead), e => e.GetProperty("points").GetInt32() < 0);
    }

    [Fact]
    public async Task Contest_then_reopen_inside_the_window_and_contest_then_bad_rating_take_back_nothing_twice()
    {
        var (secret, lead) = await SolvedAsync("r1");
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "b1", updatedAt: _host.Clock.GetUtcNow()));
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 20);
        var pending = (await LedgerAsync(lead)).Where(e => e.GetProperty("kind").GetString() == "pending").ToList();
        await ContestAsync(lead, pending.Single(e => e.GetProperty("ticketId").GetString() == "r1").GetProperty("id").GetInt64());
        await ContestAsync(lead, pending.Single(e => e.GetProperty("ticketId").GetString() == "b1").GetProperty("id").GetInt64());
        Assert.Equal((0, 0), await PointsAsync(lead));

        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.reopened", "r1", updatedAt: _host.Clock.GetUtcNow().AddMinutes(5)));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "b1", satisfaction: "Bad", updatedAt: _host.Clock.GetUtcNow().AddMinutes(5)));
        await WaitForFactsAsync("r1", 2);
        await WaitForFactsAsync("b1", 2);

        // The bad rating's own penalty stands (it was not contested); the contested solve points are not taken back again.
        var entries = await LedgerAsync(lead);
        var penalty = Assert.Single(entries, e => e.GetProperty("kind").GetString() == "penalty");
        Assert.Equal((penalty.GetProperty("points").GetInt32(), 0), await PointsAsync(lead));
        Assert.Equal(2, entries.Count(e => e.GetProperty("reason").GetString()!.StartsWith("Contested:", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.GetProperty("reason").GetString()!.Contains("taken back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Award_released_by_a_good_rating_then_contested_is_not_taken_back_again_by_a_reopen_in_the_window()
    {
        var (secret, lead) = await SolvedAsync("g1");
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "g1", satisfaction: "Good", updatedAt: _host.Clock.GetUtcNow().AddMinutes(1)));
        await WaitForFactsAsync("g1", 2);
        var (released, _) = await PointsAsync(lead);
        var release = await LedgerIdAsync(lead, "release");

        await ContestAsync(lead, release);

        Assert.Equal((released - 10, 0), await PointsAsync(lead));
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.reopened", "g1", updatedAt: _host.Clock.GetUtcNow().AddMinutes(2)));
        await WaitForFactsAsync("g1", 3);
        Assert.Equal((released - 10, 0), await PointsAsync(lead));
        Assert.Single(await LedgerAsync(lead), e => e.GetProperty("points").GetInt32() < 0);
    }

    [Fact]
    public async Task Contested_splitting_flag_on_pending_awards_cancels_them_and_the_release_pays_nothing()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var t0 = _host.Clock.GetUtcNow();
        for (var i = 1; i <= 4; i++)
        {
            await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.created", $"s{i}", updatedAt: t0.AddMinutes(i - 10)));
            await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.solved", $"s{i}", updatedAt: t0.AddMinutes(i - 10).AddSeconds(30)));
        }
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 40);
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        JsonElement flag = default;
        await GameHost.WaitUntilAsync(async () =>
        {
            var flags = (await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/review/queue")).GetProperty("flags").EnumerateArray().ToList();
            flag = flags.FirstOrDefault(f => f.GetProperty("kind").GetString() == "ticket-splitting");
            return flag.ValueKind == JsonValueKind.Object;
        }, what: "a ticket-splitting flag");
        Assert.Equal((0, 40), await PointsAsync(lead));

        using var contested = await lead.PostAsJsonAsync($"/api/tenants/acme/review/flags/{flag.GetProperty("id").GetInt64()}/decision", new { decision = "contest", note = "one question split in four" });

        Assert.Equal(HttpStatusCode.OK, contested.StatusCode);
        var result = await contested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("pointsReversed").GetInt64());
        Assert.Equal(4, result.GetProperty("adjustmentLedgerIds").GetArrayLength());
        Assert.Equal((0, 0), await PointsAsync(lead));
        _host.Clock.Advance(TimeSpan.FromHours(73));
        await _host.Service<ReleasePass>().RunAsync(CancellationToken.None);
        Assert.Equal((0, 0), await PointsAsync(lead));
        Assert.DoesNotContain(await LedgerAsync(lead), e => e.GetProperty("kind").GetString() == "release");
    }

    [Fact]
    public async Task Approved_pending_award_changes_nothing_and_is_released_as_usual()
    {
        var (_, lead) = await SolvedAsync("a1");
        var pending = await LedgerIdAsync(lead, "pending");

        using var approved = await lead.PostAsJsonAsync($"/api/tenants/acme/review/items/{pending}/decision", new { decision = "approve" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal((0, 10), await PointsAsync(lead));
        _host.Clock.Advance(TimeSpan.FromHours(73));
        await _host.Service<ReleasePass>().RunAsync(CancellationToken.None);
        Assert.Equal((10, 0), await PointsAsync(lead));
    }

    private async Task<(string Secret, HttpClient Lead)> SolvedAsync(string ticket)
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        await Scenario.PostAsync(_host, "acme", secret, ZendeskWebhooks.Trigger("ticket.solved", ticket, updatedAt: _host.Clock.GetUtcNow()));
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 10);
        var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        Assert.Equal((0, 10), await PointsAsync(lead));
        return (secret, lead);
    }

    private static async Task<JsonElement> ContestAsync(HttpClient lead, long ledgerId)
    {
        using var response = await lead.PostAsJsonAsync($"/api/tenants/acme/review/items/{ledgerId}/decision", new { decision = "contest", note = "split ticket" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task WaitForFactsAsync(string ticket, long facts) => GameHost.WaitUntilAsync(async () =>
        await WebhookAssertions.CountAsync(_host, "SELECT COUNT(*) FROM ticket_facts WHERE tenant_id = 'acme' AND ticket_id = @Ticket", new { Ticket = ticket }) >= facts,
        what: $"{facts} facts of ticket {ticket} scored");

    private static async Task<(long Points, long Pending)> PointsAsync(HttpClient lead)
    {
        var summary = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/agents/9001");
        return (summary.GetProperty("points").GetInt64(), summary.GetProperty("pendingPoints").GetInt64());
    }

    private static async Task<List<JsonElement>> LedgerAsync(HttpClient lead) =>
        (await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/agents/9001/ledger?limit=100")).GetProperty("entries").EnumerateArray().ToList();

    private static async Task<long> LedgerIdAsync(HttpClient lead, string kind) =>
        Assert.Single(await LedgerAsync(lead), e => e.GetProperty("kind").GetString() == kind).GetProperty("id").GetInt64();

    private static async Task<JsonElement> EntryAsync(HttpClient lead, long id) =>
        Assert.Single(await LedgerAsync(lead), e => e.GetProperty("id").GetInt64() == id);

    public void Dispose() => _host.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.AgentHub.Tests.Api;

public sealed class GameApiTests : IDisposable
{
    private readonly GameHost _host = new();

    private async Task<string> TenantWithRatedTicketAsync(string ticket = "501", string agent = "9001", string rating = "Good")
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        await SendAsync(secret, ticket, agent, rating);
        return secret;
    }

    private async Task SendAsync(string secret, string ticket, string agent, string? rating, string requester = "7001")
    {
        using var client = _host.CreateClient();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.solved", ticket, assigneeId: agent, requesterId: requester, updatedAt: at)))).EnsureSuccessStatusCode();
        if (rating is not null)
        {
            (await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.satisfaction_rated", ticket, assigneeId: agent,
                requesterId: requester, satisfaction: rating, updatedAt: at.AddMinutes(2))))).EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string url, Func<JsonElement, bool> done)
    {
        JsonElement body = default;
        await GameHost.WaitUntilAsync(async () =>
        {
            using var response = await client.GetAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return done(body);
        }, what: url);
        return body;
    }

    [Fact]
    public async Task Agent_summary_has_the_contract_shape_and_badges_are_pushed()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var token = await _host.TokenAsync("acme", "agent", "9001");
        await using var hub = _host.Hub(token);
        var badge = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("badgeEarned", m => badge.TrySetResult(m));
        var quest = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("questProgress", m => quest.TrySetResult(m));
        await hub.StartAsync();
        await SendAsync(secret, "501", "9001", "Good");
        using var agent = _host.ClientWithToken(token);

        var summary = await WaitForAsync(agent, "/api/tenants/acme/agents/9001", s => s.GetProperty("points").GetInt64() == 25);

        Assert.Equal(["participantId", "kind", "displayName", "points", "pendingPoints", "byCategory", "level", "badges", "quests", "team", "rank"],
            summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, summary.GetProperty("pendingPoints").GetInt64());
        Assert.Equal(15, summary.GetProperty("byCategory").GetProperty("quality").GetInt64());
        Assert.Equal(10, summary.GetProperty("byCategory").GetProperty("productivity").GetInt64());
        Assert.Equal(["index", "name", "points", "threshold", "nextName", "nextThreshold"], summary.GetProperty("level").EnumerateObject().Select(p => p.Name));
        Assert.Equal("Beginner", summary.GetProperty("level").GetProperty("name").GetString());
        var first = summary.GetProperty("badges").EnumerateArray().Single(b => b.GetProperty("id").GetString() == "first-solve");
        Assert.Equal(["id", "name", "description", "tier", "earnedAt"], first.EnumerateObject().Select(p => p.Name));
        var quests = summary.GetProperty("quests").EnumerateArray().ToList();
        Assert.Equal(["id", "name", "description", "progress", "target", "completed", "rewardPoints", "endsAt"], quests[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains(quests, q => q.GetProperty("id").GetString() == "quality-week" && q.GetProperty("progress").GetInt64() > 0);
        Assert.Equal(1, summary.GetProperty("rank").GetInt32());
        Assert.Equal("Tier 1", summary.GetProperty("team").GetString());

        var pushed = await badge.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("9001", pushed.GetProperty("participantId").GetString());
        Assert.Equal(["id", "name", "description", "tier"], pushed.GetProperty("badge").EnumerateObject().Select(p => p.Name));
        var progressed = await quest.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["participantId", "quest"], progressed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "name", "description", "progress", "target", "completed", "rewardPoints", "endsAt"], progressed.GetProperty("quest").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Level_up_is_pushed_with_the_level_and_direction()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var token = await _host.TokenAsync("acme", "agent", "9001");
        await using var hub = _host.Hub(token);
        var level = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("levelChanged", m => level.TrySetResult(m));
        await hub.StartAsync();

        // 5 × (10 + 15 good rating) = 125 points, plus 25 for beating an empty baseline: 150 reaches Intermediate.
        foreach (var ticket in new[] { "601", "602", "603", "604", "605" })
        {
            await SendAsync(secret, ticket, "9001", "Good");
        }

        var pushed = await level.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(["participantId", "kind", "level", "direction"], pushed.EnumerateObject().Select(p => p.Name));
        Assert.Equal("up", pushed.GetProperty("direction").GetString());
        Assert.Equal("Intermediate", pushed.GetProperty("level").GetProperty("name").GetString());
        Assert.Equal("Professional", pushed.GetProperty("level").GetProperty("nextName").GetString());
    }

    [Fact]
    public async Task Rules_can_be_read_replaced_and_back_tested_and_errors_name_rule_and_field()
    {
        await TenantWithRatedTicketAsync();
        using var admin = _host.AdminClient();
        var rules = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/rules");
        Assert.Equal(1, rules.GetProperty("version").GetInt32());

        var bad = rules.ToString().Replace("\"category\": \"speed\"", "\"category\": \"hurry\"", StringComparison.Ordinal);
        using var refused = await admin.PutAsync("/api/admin/tenants/acme/rules", new StringContent(bad, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Rule 'agent.fast-resolution'", errors.GetProperty("rules[agent.fast-resolution].category")[0].GetString());

        var doubled = rules.ToString().Replace("\"points\": 10,", "\"points\": 20,", StringComparison.Ordinal);
        var token = await _host.TokenAsync("acme", "agent", "9001");
        using var agent = _host.ClientWithToken(token);
        await WaitForAsync(agent, "/api/tenants/acme/agents/9001", s => s.GetProperty("points").GetInt64() == 25);
        using var backtest = await admin.PostAsync("/api/admin/tenants/acme/rules/backtest", new StringContent(doubled, Encoding.UTF8, "application/json"));
        var report = await backtest.Content.ReadFromJsonAsync<JsonElement>();
        var delta = report.GetProperty("agents").EnumerateArray().Single();
        Assert.Equal((25, 35, 10), (delta.GetProperty("currentPoints").GetInt64(), delta.GetProperty("candidatePoints").GetInt64(), delta.GetProperty("delta").GetInt64()));
        Assert.Equal("9001", report.GetProperty("leaderboard")[0].GetProperty("participantId").GetString());
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/rules")).GetProperty("version").GetInt32()); // nothing saved

        using var saved = await admin.PutAsync("/api/admin/tenants/acme/rules", new StringContent(doubled, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/rules")).GetProperty("version").GetInt32());
        using var notAdmin = await agent.GetAsync("/api/admin/tenants/acme/rules");
        Assert.True(notAdmin.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Customer_redeems_a_reward_and_gets_a_conflict_with_a_code_when_short()
    {
        await TenantWithRatedTicketAsync();
        using var admin = _host.AdminClient();
        (await admin.PutAsJsonAsync("/api/admin/tenants/acme/rewards/discount5", new { name = "5% off", kind = "discount_code", cost = 5, stock = 10 })).EnsureSuccessStatusCode();
        var customerToken = _host.Service<TokenIssuer>().Issue("acme", Roles.Customer, "7001");
        using var customer = _host.ClientWithToken(customerToken);
        await WaitForAsync(customer, "/api/tenants/acme/customers/7001", s => s.GetProperty("points").GetInt64() == 5);
        await using var hub = _host.Hub(customerToken);
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("rewardRedeemed", m => pushed.TrySetResult(m));
        await hub.StartAsync();

        using var anonymous = _host.CreateClient();
        var programme = await anonymous.GetFromJsonAsync<JsonElement>("/api/tenants/acme/widget/programme");
        Assert.Equal("discount5", programme.GetProperty("rewards")[0].GetProperty("id").GetString());
        Assert.Equal(["Bronze", "Silver", "Gold", "Platinum"], programme.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["name", "threshold", "perks"], programme.GetProperty("tiers")[1].EnumerateObject().Select(p => p.Name));
        var rewards = await customer.GetFromJsonAsync<JsonElement>("/api/tenants/acme/rewards");
        Assert.Equal("discount5", rewards.GetProperty("rewards")[0].GetProperty("id").GetString());
        using var first = await customer.PostAsJsonAsync("/api/tenants/acme/customers/7001/redemptions", new { rewardId = "discount5" });
        using var second = await customer.PostAsJsonAsync("/api/tenants/acme/customers/7001/redemptions", new { rewardId = "discount5" });
        using var someoneElse = await customer.PostAsJsonAsync("/api/tenants/acme/customers/7002/redemptions", new { rewardId = "discount5" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["redemptionId", "rewardId", "rewardName", "code", "points", "balance"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, body.GetProperty("balance").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("insufficient_points", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, someoneElse.StatusCode);
        var message = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(body.GetProperty("code").GetString(), message.GetProperty("redemption").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Opted_out_agent_is_hidden_from_the_board_but_sees_their_own_rank()
    {
        var secret = await TenantWithRatedTicketAsync("501", "9001");
        await SendAsync(secret, "502", "9002", "Bad");
        await SendAsync(secret, "503", "9003", "Good", requester: "7003");
        var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "1"));
        var me = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9001"));
        var other = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9003"));
        await WaitForAsync(lead, "/api/tenants/acme/leaderboards/agents?period=all", b => b.GetProperty("entries").GetArrayLength() == 3);

        using var forbidden = await other.PutAsJsonAsync("/api/tenants/acme/agents/9001/visibility", new { optedOut = true });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        (await me.PutAsJsonAsync("/api/tenants/acme/agents/9001/visibility", new { optedOut = true })).EnsureSuccessStatusCode();

        var publicBoard = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents?period=all");
        Assert.Equal(["9003", "9002"], publicBoard.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("participantId").GetString()));
        Assert.Equal([1, 2], publicBoard.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("rank").GetInt32()));
        var mine = await me.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents?period=all");
        Assert.Equal("9001", mine.GetProperty("me").GetProperty("participantId").GetString());
        Assert.DoesNotContain(mine.GetProperty("entries").EnumerateArray(), e => e.GetProperty("participantId").GetString() == "9001");
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents?period=all&around=1");
        Assert.Equal(["9003", "9002"], theirs.GetProperty("aroundMe").EnumerateArray().Select(e => e.GetProperty("participantId").GetString()));
        var team = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/leaderboards/agents?period=all&team=Tier%201");
        Assert.Equal("Tier 1", team.GetProperty("team").GetString());
        Assert.Equal(["9003", "9002"], team.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("participantId").GetString()));
    }

    [Fact]
    public async Task Kudos_come_from_a_weekly_budget_and_review_flags_are_for_team_leads()
    {
        await _host.CreateZendeskTenantAsync("acme");
        using var giver = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9001"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await giver.PostAsJsonAsync("/api/tenants/acme/agents/9002/kudos", new { message = "Thanks for the handover" });
            statuses.Add(response.StatusCode);
        }
        using var self = await giver.PostAsJsonAsync("/api/tenants/acme/agents/9001/kudos", new { });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 5), HttpStatusCode.Conflict], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "1"));
        var receiver = await lead.GetFromJsonAsync<JsonElement>("/api/tenants/acme/agents/9002");
        Assert.Equal(15, receiver.GetProperty("points").GetInt64());
        Assert.Equal(15, receiver.GetProperty("byCategory").GetProperty("engagement").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/tenants/acme/review/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await giver.GetAsync("/api/tenants/acme/review/flags")).StatusCode);
    }

    public void Dispose() => _host.Dispose();
}

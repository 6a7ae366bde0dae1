using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.TeamLead;

public sealed class TenantRulesApiTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Tenant_admin_token_saves_rules_team_lead_validates_and_back_tests_agent_gets_nothing()
    {
        await _host.CreateZendeskTenantAsync("acme");
        using var admin = _host.ClientWithToken(await _host.TokenAsync("acme", "admin", "owner-1"));
        using var lead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        using var agent = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9001"));
        var rules = JsonNode.Parse(await lead.GetStringAsync("/api/tenants/acme/rules"))!.AsObject();
        rules["pending"] = new JsonObject { ["windowHours"] = 5 };

        foreach (var (name, client) in new[] { ("admin", admin), ("teamlead", lead) })
        {
            using var validated = await client.PostAsync("/api/tenants/acme/rules/validate", Json(rules));
            using var backtested = await client.PostAsync("/api/tenants/acme/rules/backtest", Json(rules));
            Assert.True(validated.StatusCode == HttpStatusCode.OK, $"{name} validate: {validated.StatusCode}");
            Assert.True((await validated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
            Assert.True(backtested.StatusCode == HttpStatusCode.OK, $"{name} backtest: {backtested.StatusCode}");
        }
        using var leadSave = await lead.PutAsync("/api/tenants/acme/rules", Json(rules));
        Assert.Equal(HttpStatusCode.Forbidden, leadSave.StatusCode);
        Assert.Equal("application/problem+json", leadSave.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(5, await WindowHoursAsync(_host.AdminClient(), "acme"));
        foreach (var (method, path) in new[] { ("GET", "/rules"), ("POST", "/rules/validate"), ("POST", "/rules/backtest"), ("PUT", "/rules") })
        {
            using var refused = await agent.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/tenants/acme" + path) { Content = Json(rules) });
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"agent {method} {path}: {refused.StatusCode}");
        }

        using var saved = await admin.PutAsync("/api/tenants/acme/rules", Json(rules));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(5, await WindowHoursAsync(_host.AdminClient(), "acme"));
    }

    [Fact]
    public async Task Validation_names_the_rule_and_field_and_nothing_is_saved()
    {
        await _host.CreateZendeskTenantAsync("acme");
        using var admin = _host.ClientWithToken(await _host.TokenAsync("acme", "admin", "owner-1"));
        var rules = JsonNode.Parse(await admin.GetStringAsync("/api/tenants/acme/rules"))!.AsObject();
        var first = rules["rules"]!.AsArray()[0]!;
        first["points"] = 0;
        var id = first["id"]!.GetValue<string>();

        using var validated = await admin.PostAsync("/api/tenants/acme/rules/validate", Json(rules));
        using var saved = await admin.PutAsync("/api/tenants/acme/rules", Json(rules));
        using var notJson = await admin.PostAsync("/api/tenants/acme/rules/validate", new StringContent("{\"rules\": [", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, validated.StatusCode);
        var errors = (await validated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var messages = errors.GetProperty($"rules[{id}].points").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains($"Rule '{id}'", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.NotEqual(0, JsonNode.Parse(await admin.GetStringAsync("/api/tenants/acme/rules"))!["rules"]![0]!["points"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_quest_step_with_a_target_of_zero_is_a_validation_problem_and_nothing_is_saved()
    {
        await _host.CreateZendeskTenantAsync("acme");
        using var admin = _host.ClientWithToken(await _host.TokenAsync("acme", "admin", "owner-1"));
        var rules = JsonNode.Parse(await admin.GetStringAsync("/api/tenants/acme/rules"))!.AsObject();
        var quest = rules["quests"]!.AsArray()[0]!;
        quest["steps"]!.AsArray()[0]!["target"] = 0;
        var id = quest["id"]!.GetValue<string>();

        using var validated = await admin.PostAsync("/api/tenants/acme/rules/validate", Json(rules));
        using var saved = await admin.PutAsync("/api/tenants/acme/rules", Json(rules));

        foreach (var response in new[] { validated, saved })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var messages = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty($"quests[{id}].steps.target").EnumerateArray();
            Assert.Contains(messages, m => m.GetString()!.Contains($"Quest '{id}'", StringComparison.Ordinal));
        }
        var kept = JsonNode.Parse(await admin.GetStringAsync("/api/tenants/acme/rules"))!["quests"]!.AsArray()[0]!["steps"]![0]!["target"]!.GetValue<long>();
        Assert.NotEqual(0, kept);
    }

    [Fact]
    public async Task Tenant_admin_token_is_confined_to_its_tenant_and_is_not_the_admin_key()
    {
        await _host.CreateZendeskTenantAsync("acme");
        await _host.CreateZendeskTenantAsync("globex");
        using var acmeAdmin = _host.ClientWithToken(await _host.TokenAsync("acme", "admin", "owner-1"));
        var rules = JsonNode.Parse(await acmeAdmin.GetStringAsync("/api/tenants/acme/rules"))!.AsObject();
        rules["pending"] = new JsonObject { ["windowHours"] = 7 };

        var refused = new (string Method, string Path, object? Body)[]
        {
            ("GET", "/api/tenants/globex/rules", null),
            ("PUT", "/api/tenants/globex/rules", rules),
            ("POST", "/api/tenants/globex/rules/backtest", rules),
            ("GET", "/api/tenants/globex/stats/agents", null),
            ("GET", "/api/admin/tenants/acme/rules", null),
            ("PUT", "/api/admin/tenants/acme/rules", rules),
            ("GET", "/api/admin/tenants/acme", null),
            ("PUT", "/api/admin/tenants/acme", new { name = "Taken over", platform = "zendesk" }),
            ("POST", "/api/admin/tenants/globex/tokens", new { role = "admin", subject = "x" }),
            ("POST", "/api/admin/tenants/acme/tokens", new { role = "admin", subject = "x" }),
            ("POST", "/api/tenants/acme/events", new { type = "webinar.attended", participantId = "7001" }),
        };
        foreach (var (method, path, body) in refused)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await acmeAdmin.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }
        Assert.NotEqual(7, await WindowHoursAsync(_host.AdminClient(), "globex"));
        Assert.NotEqual(7, await WindowHoursAsync(_host.AdminClient(), "acme"));
        // The hub takes it as a member of its own tenant only.
        await using var hub = _host.Hub(await _host.TokenAsync("acme", "admin", "owner-1"));
        await hub.StartAsync();
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, hub.State);
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<int> WindowHoursAsync(HttpClient admin, string tenant)
    {
        using (admin)
        {
            var rules = JsonNode.Parse(await admin.GetStringAsync($"/api/admin/tenants/{tenant}/rules"))!;
            return rules["pending"]!["windowHours"]!.GetValue<int>();
        }
    }

    public void Dispose() => _host.Dispose();
}

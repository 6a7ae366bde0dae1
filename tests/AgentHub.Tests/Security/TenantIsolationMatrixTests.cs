using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.AgentHub.Tests.Security;

public sealed class TenantIsolationMatrixTests : IDisposable
{
    private readonly GameHost _host = new();

    /// <summary>A caller, and the routes it may use (null: none, it must get 401).</summary>
    private sealed record Caller(string Name, string? Token, Func<ApiRoute, bool>? May);

    [Fact]
    public async Task Every_api_route_answers_every_foreign_forged_or_wrong_role_token_with_401_or_403_problem()
    {
        await SeedAsync();
        var failures = new List<string>();
        var calls = 0;
        foreach (var caller in await CallersAsync())
        {
            foreach (var route in ApiRoute.All)
            {
                using var client = _host.CreateClient();
                if (caller.Token is not null)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
                }
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path("acme"));
                if (route.Body is not null)
                {
                    request.Content = JsonContent.Create(route.Body());
                }
                using var response = await client.SendAsync(request);
                calls++;
                var expected = route.Access == Access.Public ? "2xx" : caller.May is null ? "401" : caller.May(route) ? "2xx" : "403";
                var actual = response.IsSuccessStatusCode ? "2xx" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (actual != expected)
                {
                    failures.Add($"{caller.Name} on {route}: {actual}, expected {expected}");
                }
                else if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{caller.Name} on {route}: {actual} without problem+json");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls wrong:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Hub_refuses_forged_tokens_and_never_delivers_one_tenants_awards_to_another()
    {
        await SeedAsync();
        var secret = _acmeSecret;
        foreach (var caller in (await CallersAsync()).Where(c => c.May is null && c.Token is not null && c.Token.Contains('.', StringComparison.Ordinal)))
        {
            await using var forged = _host.Hub(caller.Token!);
            await Assert.ThrowsAnyAsync<Exception>(() => forged.StartAsync());
        }

        // Same helpdesk user id in both tenants: only acme's agent may hear about acme's ticket.
        await using var acme = _host.Hub(await _host.TokenAsync("acme", Roles.Agent, "9001"));
        await using var globex = _host.Hub(await _host.TokenAsync("globex", Roles.Agent, "9001"));
        await using var globexLead = _host.Hub(await _host.TokenAsync("globex", Roles.TeamLead, "lead"));
        var acmeHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leaked = 0;
        acme.On<JsonElement>("pointsAwarded", _ => acmeHeard.TrySetResult());
        foreach (var other in new[] { globex, globexLead })
        {
            other.On<JsonElement>("pointsAwarded", _ => Interlocked.Increment(ref leaked));
            other.On<JsonElement>("leaderboardChanged", _ => Interlocked.Increment(ref leaked));
            await other.StartAsync();
        }
        await acme.StartAsync();

        using var client = _host.CreateClient();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "31")));
        response.EnsureSuccessStatusCode();
        await acmeHeard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Assert.Equal(0, leaked);
    }

    private string _acmeSecret = "";
    private string _globexSecret = "";

    private async Task SeedAsync()
    {
        var secret = _acmeSecret = await _host.CreateZendeskTenantAsync("acme");
        _globexSecret = await _host.CreateZendeskTenantAsync("globex");
        using var client = _host.CreateClient();
        foreach (var body in new[]
        {
            ZendeskWebhooks.Trigger("ticket.solved", "11"),
            ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "11", satisfaction: "Good"),
        })
        {
            using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body));
            response.EnsureSuccessStatusCode();
        }
        // Dead letter 1, for the dead-letter routes.
        using (var unreadable = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, "{\"schema\": 42}")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unreadable.StatusCode);
        }
        using var admin = _host.AdminClient();
        await GameHost.WaitUntilAsync(async () => await PointsAsync(admin, ApiRoute.Customer) >= 5, what: "the customer's points");
        // One point each, no limits: every caller the matrix allows to redeem can (three of them).
        (await admin.PutAsJsonAsync($"/api/admin/tenants/acme/rewards/{ApiRoute.Reward}", new { name = "Sticker", kind = "discount_code", cost = 1 })).EnsureSuccessStatusCode();
    }

    private static async Task<long> PointsAsync(HttpClient admin, string customer)
    {
        using var response = await admin.GetAsync($"/api/tenants/acme/customers/{customer}");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").GetInt64() : -1;
    }

    private async Task<IReadOnlyList<Caller>> CallersAsync()
    {
        var issuer = _host.Service<TokenIssuer>();
        var agentValid = issuer.Issue("acme", Roles.Agent, ApiRoute.Agent);
        var wrongKey = new byte[32];
        var noExp = TokenForge.Claims("acme", Roles.TeamLead, "lead");
        noExp.Remove("exp");
        var notYet = TokenForge.Claims("acme", Roles.TeamLead, "lead");
        notYet["nbf"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return
        [
            new("acme customer 7001 widget session", await WidgetSessionAsync("acme", "widget-secret-" + _acmeSecret, ApiRoute.Customer),
                r => r.Access is Access.Member or Access.CustomerSelf or Access.CustomerSpend),
            new("globex customer 7001 widget session", await WidgetSessionAsync("globex", "widget-secret-" + _globexSecret, ApiRoute.Customer), _ => false),
            new("admin key", GameHost.AdminKey, _ => true),
            new("acme team lead", issuer.Issue("acme", Roles.TeamLead, "lead"), r => r.Access is not (Access.Admin or Access.TenantAdmin or Access.CustomerSpend)),
            new("acme admin-role token", issuer.Issue("acme", Roles.Admin, "owner"), r => r.Access is not (Access.Admin or Access.CustomerSpend)),
            new("globex admin-role token", issuer.Issue("globex", Roles.Admin, "owner"), _ => false),
            new("acme agent 9001", agentValid, r => r.Access is Access.Member or Access.AgentSelf),
            new("acme agent 9002", issuer.Issue("acme", Roles.Agent, "9002"), r => r.Access == Access.Member),
            new("acme customer 7001", issuer.Issue("acme", Roles.Customer, ApiRoute.Customer), r => r.Access is Access.Member or Access.CustomerSelf or Access.CustomerSpend),
            new("acme customer 7002", issuer.Issue("acme", Roles.Customer, "7002"), r => r.Access == Access.Member),
            new("globex team lead", issuer.Issue("globex", Roles.TeamLead, "lead"), _ => false),
            new("globex agent 9001", issuer.Issue("globex", Roles.Agent, ApiRoute.Agent), _ => false),
            new("globex customer 7001", issuer.Issue("globex", Roles.Customer, ApiRoute.Customer), _ => false),
            new("acme token with an unknown role", TokenForge.Sign(TokenForge.Claims("acme", "superuser", "x")), _ => false),
            new("no token", null, null),
            new("wrong admin key", "not-the-admin-key", null),
            new("expired", TokenForge.Sign(TokenForge.Claims("acme", Roles.TeamLead, "lead", TimeSpan.FromMinutes(-5))), null),
            new("not yet valid", TokenForge.Sign(notYet), null),
            new("without expiry", TokenForge.Sign(noExp), null),
            new("tampered tenant", TokenForge.TamperPayload(agentValid, c => { c["tenant"] = JsonSerializer.SerializeToElement("globex"); return c; }), null),
            new("tampered role", TokenForge.TamperPayload(agentValid, c => { c["role"] = JsonSerializer.SerializeToElement("teamlead"); return c; }), null),
            new("alg none", TokenForge.Sign(TokenForge.Claims("acme", Roles.TeamLead, "lead"), alg: "none"), null),
            new("alg none with admin role", TokenForge.Sign(TokenForge.Claims("acme", Roles.Admin, "admin"), alg: "none"), null),
            new("wrong key", TokenForge.Sign(TokenForge.Claims("acme", Roles.TeamLead, "lead"), key: wrongKey), null),
            new("HS512 with the right key", TokenForge.Sign(TokenForge.Claims("acme", Roles.TeamLead, "lead"), alg: "HS512"), null),
            new("wrong issuer", TokenForge.Sign(TokenForge.Claims("acme", Roles.TeamLead, "lead", issuer: "evil")), null),
            new("wrong audience", TokenForge.Sign(TokenForge.Claims("acme", Roles.TeamLead, "lead", audience: "evil")), null),
            new("signature stripped", agentValid[..(agentValid.LastIndexOf('.') + 1)], null),
            new("garbage with two dots", "abc.def.ghi", null),
        ];
    }

    [Fact]
    public async Task Widget_identities_signed_wrongly_or_for_another_tenant_get_no_session()
    {
        await SeedAsync();
        var own = "widget-secret-" + _acmeSecret;
        var attacks = new Dictionary<string, string>
        {
            ["another tenant's widget secret"] = CustomerIdentities.Sign("widget-secret-" + _globexSecret, "7001"),
            ["HS512 with the right secret"] = TokenForge.Sign(new Dictionary<string, object> { ["sub"] = "7001", ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() },
                alg: "HS512", key: System.Text.Encoding.UTF8.GetBytes(own)),
            ["alg none"] = TokenForge.Sign(new Dictionary<string, object> { ["sub"] = "7001", ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }, alg: "none"),
            ["25 hours ahead"] = CustomerIdentities.Sign(own, "7001", lifetime: TimeSpan.FromHours(25)),
            ["no subject"] = CustomerIdentities.Sign(own, ""),
            ["our own session token as identity"] = _host.Service<TokenIssuer>().Issue("acme", Roles.Customer, "7001"),
            ["tampered subject"] = TokenForge.TamperPayload(CustomerIdentities.Sign(own, "7001"), c => { c["sub"] = JsonSerializer.SerializeToElement("7002"); return c; }),
        };
        using var client = _host.CreateClient();
        foreach (var (name, identity) in attacks)
        {
            using var response = await client.PostAsJsonAsync("/api/tenants/acme/widget/session", new { identityToken = identity });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_customer_can_never_redeem_with_another_customers_points()
    {
        await SeedAsync();
        using (var client = _host.CreateClient())
        {
            foreach (var body in new[]
            {
                ZendeskWebhooks.Trigger("ticket.solved", "12", requesterId: "7002", requesterName: "Ola Hansen"),
                ZendeskWebhooks.Trigger("ticket.satisfaction_rated", "12", requesterId: "7002", requesterName: "Ola Hansen", satisfaction: "Good"),
            })
            {
                using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", _acmeSecret, body));
                response.EnsureSuccessStatusCode();
            }
        }
        using var admin = _host.AdminClient();
        await GameHost.WaitUntilAsync(async () => await PointsAsync(admin, "7002") >= 5, what: "customer 7002's points");
        var victimBefore = await PointsAsync(admin, ApiRoute.Customer);
        var victimLedgerBefore = await LedgerCountAsync(admin, ApiRoute.Customer);
        var attackerBefore = await PointsAsync(admin, "7002");

        var issuer = _host.Service<TokenIssuer>();
        var attacker = issuer.Issue("acme", Roles.Customer, "7002");
        var attackerSession = await WidgetSessionAsync("acme", "widget-secret-" + _acmeSecret, "7002");
        var attempts = new List<(string Name, string? Token, string Customer, HttpStatusCode Expected)>
        {
            ("customer 7002 on 7001's route", attacker, "7001", HttpStatusCode.Forbidden),
            ("customer 7002's widget session on 7001's route", attackerSession, "7001", HttpStatusCode.Forbidden),
            ("globex customer 7001", issuer.Issue("globex", Roles.Customer, "7001"), "7001", HttpStatusCode.Forbidden),
            ("globex customer 7001's widget session", await WidgetSessionAsync("globex", "widget-secret-" + _globexSecret, "7001"), "7001", HttpStatusCode.Forbidden),
            ("acme agent 9001", issuer.Issue("acme", Roles.Agent, "9001"), "7001", HttpStatusCode.Forbidden),
            ("acme team lead", issuer.Issue("acme", Roles.TeamLead, "lead"), "7001", HttpStatusCode.Forbidden),
            ("customer 7002 on 7001 with a trailing space", attacker, "7001%20", HttpStatusCode.Forbidden),
            ("customer 7002 on 7001 with a leading zero", attacker, "07001", HttpStatusCode.Forbidden),
            ("customer 7002's token with its subject changed to 7001", TokenForge.TamperPayload(attacker, c => { c["sub"] = JsonSerializer.SerializeToElement("7001"); return c; }),
                "7001", HttpStatusCode.Unauthorized),
            ("alg none customer 7001", TokenForge.Sign(TokenForge.Claims("acme", Roles.Customer, "7001"), alg: "none"), "7001", HttpStatusCode.Unauthorized),
            ("customer 7001 signed with a wrong key", TokenForge.Sign(TokenForge.Claims("acme", Roles.Customer, "7001"), key: new byte[32]), "7001", HttpStatusCode.Unauthorized),
            ("expired customer 7001", TokenForge.Sign(TokenForge.Claims("acme", Roles.Customer, "7001", TimeSpan.FromMinutes(-5))), "7001", HttpStatusCode.Unauthorized),
            ("no token", null, "7001", HttpStatusCode.Unauthorized),
        };
        var failures = new List<string>();
        foreach (var (name, token, customer, expected) in attempts)
        {
            using var client = token is null ? _host.CreateClient() : _host.ClientWithToken(token);
            using var response = await client.PostAsJsonAsync($"/api/tenants/acme/customers/{customer}/redemptions", new { rewardId = ApiRoute.Reward });
            if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{name}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}, expected {(int)expected} problem+json");
            }
        }

        // Naming the victim in the body changes nothing: the route's customer, checked against the token, pays.
        using (var own = _host.ClientWithToken(attacker))
        using (var response = await own.PostAsJsonAsync("/api/tenants/acme/customers/7002/redemptions",
            new { rewardId = ApiRoute.Reward, customerId = "7001", participantId = "7001" }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(victimBefore, await PointsAsync(admin, ApiRoute.Customer));
        Assert.Equal(victimLedgerBefore, await LedgerCountAsync(admin, ApiRoute.Customer));
        Assert.Equal(attackerBefore - 1, await PointsAsync(admin, "7002"));
    }

    private static async Task<int> LedgerCountAsync(HttpClient admin, string customer) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/customers/{customer}/export")).GetProperty("ledger").GetArrayLength();

    private async Task<string> WidgetSessionAsync(string tenant, string widgetSecret, string customer)
    {
        using var client = _host.CreateClient();
        using var response = await client.PostAsJsonAsync($"/api/tenants/{tenant}/widget/session", new { identityToken = CustomerIdentities.Sign(widgetSecret, customer) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public void Dispose() => _host.Dispose();
}

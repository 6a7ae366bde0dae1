using System.Net;
using System.Security.Claims;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.AgentHub.Tests.Security;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.AgentHub.Tests.Auth;

public sealed class SlimPrincipalTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public void Slim_principal_keeps_the_game_claims_and_drops_the_token_bookkeeping()
    {
        var validated = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("tenant", "acme"), new Claim("role", "teamlead"), new Claim("sub", "lead-1"), new Claim("team", "Tier 1"),
            new Claim("name", "Lea"), new Claim("iss", "helpdeskgamify"), new Claim("exp", "1900000000"), new Claim("jti", "x"),
        ], "AuthenticationTypes.Federation", "sub", "role"));

        var slim = SlimPrincipal.From(validated);

        Assert.True(slim.Identity!.IsAuthenticated);
        Assert.Equal("lead-1", slim.Identity.Name);
        Assert.True(slim.IsInRole(Roles.TeamLead));
        Assert.Equal(("acme", "teamlead", "lead-1"), (slim.TenantId(), slim.Role(), slim.Subject()));
        Assert.Equal(["tenant", "role", "sub", "team", "name"], slim.Claims.Select(c => c.Type));
    }

    [Fact]
    public async Task Roles_and_tenant_still_decide_access_after_slimming()
    {
        await _host.CreateZendeskTenantAsync("acme");
        using var asAgent = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9001"));
        using var asLead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));

        Assert.Equal(HttpStatusCode.OK, (await asAgent.GetAsync("/api/tenants/acme/leaderboards/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asAgent.GetAsync("/api/tenants/acme/stats/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asLead.GetAsync("/api/tenants/acme/stats/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asLead.GetAsync("/api/tenants/globex/leaderboards/agents")).StatusCode);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("other key")]
    [InlineData("unsigned")]
    [InlineData("tampered")]
    public async Task Hub_still_refuses_bad_tokens(string how)
    {
        var claims = TokenForge.Claims("acme", "agent", "9001", expiresIn: how == "expired" ? TimeSpan.FromMinutes(-10) : null);
        var token = how switch
        {
            "other key" => TokenForge.Sign(claims, key: new byte[32]),
            "unsigned" => TokenForge.Sign(claims, alg: "none"),
            "tampered" => TokenForge.TamperPayload(TokenForge.Sign(claims), c => { c["tenant"] = JsonSerializer.SerializeToElement("globex"); return c; }),
            _ => TokenForge.Sign(claims),
        };
        await using var hub = _host.Hub(token);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Team_claim_survives_slimming_and_places_the_connection_in_its_team()
    {
        await _host.CreateZendeskTenantAsync("acme");
        var claims = TokenForge.Claims("acme", "agent", "9001");
        claims["team"] = "Tier 9";
        await using var hub = _host.Hub(TokenForge.Sign(claims));
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("badgeEarned", m => pushed.TrySetResult(m));
        await hub.StartAsync();

        await _host.Service<IHubContext<GameHub>>().Clients.Group(HubGroups.Team("acme", "Tier 9")).SendAsync("badgeEarned", new { badge = "team" });

        Assert.Equal("team", (await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("badge").GetString());
    }

    public void Dispose() => _host.Dispose();
}

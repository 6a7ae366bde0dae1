using System.Net;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.AgentHub.Tests.Hubs;

public sealed class GameHubAuthorizationTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Hub_refuses_a_connection_without_a_token()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(_host.BaseAddress, "/hubs/game")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Hub_refuses_a_forged_token()
    {
        var forged = "eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnQiOiJhY21lIiwicm9sZSI6ImFnZW50Iiwic3ViIjoiOTAwMSJ9.c2lnbmF0dXJl";
        await using var hub = _host.Hub(forged);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Admin_key_connection_is_closed_because_it_has_no_tenant_to_listen_to()
    {
        await using var hub = _host.Hub(GameHost.AdminKey);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        try
        {
            await hub.StartAsync();
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            closed.TrySetResult();
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task Token_of_one_tenant_reads_nothing_of_another()
    {
        await _host.CreateZendeskTenantAsync("acme");
        await _host.CreateZendeskTenantAsync("globex");
        var agent = await _host.TokenAsync("acme", "agent", "9001");
        var lead = await _host.TokenAsync("acme", "teamlead", "lead-1");
        using var asAgent = _host.ClientWithToken(agent);
        using var asLead = _host.ClientWithToken(lead);

        Assert.Equal(HttpStatusCode.Forbidden, (await asAgent.GetAsync("/api/tenants/globex/leaderboards/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asLead.GetAsync("/api/tenants/globex/stats/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asLead.GetAsync("/api/tenants/globex/stats/agents.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asLead.GetAsync("/api/tenants/globex/review/queue")).StatusCode);
    }

    [Fact]
    public async Task Agent_token_is_refused_on_every_team_lead_route()
    {
        await _host.CreateZendeskTenantAsync("acme");
        var agent = await _host.TokenAsync("acme", "agent", "9001");
        using var asAgent = _host.ClientWithToken(agent);
        using var anonymous = _host.CreateClient();

        foreach (var path in new[] { "team/me", "stats/agents", "stats/agents.csv", "stats/agents/9001/daily", "agents/9001/notes", "review/queue", "review/decisions", "kpis" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await asAgent.GetAsync($"/api/tenants/acme/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/tenants/acme/{path}")).StatusCode);
        }
        using var adjust = await asAgent.PostAsync("/api/tenants/acme/agents/9001/adjustments",
            new StringContent("""{"points":100,"reason":"me"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, adjust.StatusCode);
    }

    [Fact]
    public async Task Team_page_is_refused_to_a_request_that_presents_an_agent_token()
    {
        await _host.CreateZendeskTenantAsync("acme");
        using var asAgent = _host.ClientWithToken(await _host.TokenAsync("acme", "agent", "9001"));
        using var asLead = _host.ClientWithToken(await _host.TokenAsync("acme", "teamlead", "lead-1"));
        using var browser = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await asAgent.GetAsync("/team")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asLead.GetAsync("/team")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/team")).StatusCode);
    }

    public void Dispose() => _host.Dispose();
}

using System.Net;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Security;

public sealed class RateLimitTests : IDisposable
{
    private readonly GameHost _host = new(new Dictionary<string, string?>
    {
        ["Security:WebhookBurst"] = "5",
        ["Security:WebhookPerSecond"] = "1",
        ["Security:ApiBurst"] = "5",
        ["Security:ApiPerSecond"] = "1",
    });

    [Fact]
    public async Task A_tenant_over_its_webhook_limit_gets_429_with_retry_after_while_another_tenant_is_unaffected()
    {
        var acme = await _host.CreateZendeskTenantAsync("acme");
        var globex = await _host.CreateZendeskTenantAsync("globex");
        using var client = _host.CreateClient();
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await client.SendAsync(ZendeskWebhooks.SignedPost("acme", acme, ZendeskWebhooks.Trigger("ticket.created", $"{i + 1}"))));
        }
        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r =>
        {
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        });

        using var other = await client.SendAsync(ZendeskWebhooks.SignedPost("globex", globex, ZendeskWebhooks.Trigger("ticket.created", "1")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        statuses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task A_tenant_over_its_api_limit_gets_429_with_retry_after_while_another_tenant_is_unaffected()
    {
        await _host.CreateZendeskTenantAsync("acme");
        await _host.CreateZendeskTenantAsync("globex");
        using var acme = _host.ClientWithToken(await _host.TokenAsync("acme", Roles.TeamLead, "lead"));
        using var globex = _host.ClientWithToken(await _host.TokenAsync("globex", Roles.TeamLead, "lead"));
        var codes = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 12; i++)
        {
            last?.Dispose();
            last = await acme.GetAsync("/api/tenants/acme/leaderboards/agents");
            codes.Add(last.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();

        using var other = await globex.GetAsync("/api/tenants/globex/leaderboards/agents");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}

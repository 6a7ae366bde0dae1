using HelpdeskGamify.AgentHub.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Demo;

/// <summary>
/// Prints, once the server listens, what a newcomer needs: the admin key, the demo tenant's
/// secrets and a signed-in link to the agent view. Development only; these are demo secrets.
/// </summary>
public sealed class DemoBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    DemoTenant demo,
    AdminKey adminKey,
    TokenIssuer tokens,
    IOptions<DemoOptions> options) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            lifetime.ApplicationStarted.Register(Print);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The first address the server listens on, with localhost instead of a wildcard.</summary>
    public static string? BaseAddress(IServer server) => server.Features.Get<IServerAddressesFeature>()?.Addresses
        .Select(a => a.Replace("//[::]", "//localhost", StringComparison.Ordinal).Replace("//0.0.0.0", "//localhost", StringComparison.Ordinal).Replace("//+", "//localhost", StringComparison.Ordinal))
        .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 1 : 0)
        .FirstOrDefault();

    private void Print()
    {
        var tenant = demo.Current;
        var baseUrl = BaseAddress(server);
        if (tenant is null || baseUrl is null)
        {
            return;
        }
        var agent = DemoCast.Agents[0];
        var agentToken = tokens.Issue(tenant.Id, Roles.Agent, agent.Id, agent.Name);
        Console.WriteLine($"""

            ── HelpdeskGamify is running ─────────────────────────────────────────────
              Agent view (signed in as {agent.Name}):
                {baseUrl}/agent#token={agentToken}
              Admin key (Authorization: Bearer …):   {adminKey.Value}
              Demo tenant:                            {tenant.Id}
              Zendesk webhook URL:                    {baseUrl}/webhooks/zendesk/{tenant.Id}
              Zendesk webhook signing secret:         {tenant.Settings.Zendesk?.WebhookSigningSecret}
              Widget signing secret:                  {tenant.Settings.WidgetSigningSecret}
              Simulated traffic:                      {(options.Value.Simulator ? "on (Demo__Simulator=false turns it off)" : "off")}
            ──────────────────────────────────────────────────────────────────────────

            """);
    }
}

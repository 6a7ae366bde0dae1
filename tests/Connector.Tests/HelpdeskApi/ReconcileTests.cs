using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Tests.Fakes;

namespace HelpdeskGamify.Connector.Tests.HelpdeskApi;

public sealed class ReconcileTests
{
    [Theory]
    [InlineData("2026-11-23T02:59:00Z", "2026-11-23T03:00:00Z")]
    [InlineData("2026-11-23T03:00:00Z", "2026-11-24T03:00:00Z")]
    [InlineData("2026-11-23T17:45:00Z", "2026-11-24T03:00:00Z")]
    public void The_next_run_is_the_next_occurrence_of_the_configured_time(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ReconcileService.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeSpan(3, 0, 0)));

    [Fact]
    public async Task A_run_syncs_and_recovers_what_webhooks_lost_for_tenants_with_credentials_only()
    {
        await using var h = await ConnectHarness.StartAsync();
        h.Zendesk.Users.Add(new ZdUserRow(9001, "Ingrid Dahl", "agent", "https://cdn.example/ingrid.png"));
        var solved = DateTimeOffset.UtcNow.AddDays(-1);
        h.Zendesk.Tickets.Add(new ZdTicketRow(501, "solved", 9001, 7001, solved.AddHours(-1), solved, solved, ResolutionMinutes: 60));
        await h.CreateZendeskTenantAsync("acme");
        await h.Host.CreateZendeskTenantAsync("webhooks-only"); // no API token: skipped

        var reconciled = await h.Host.Service<ReconcileService>().RunOnceAsync(CancellationToken.None);
        var again = await h.Host.Service<ReconcileService>().RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 1), (reconciled, again));
        Assert.Equal("https://cdn.example/ingrid.png", await h.Host.Service<DirectoryStore>().AvatarAsync("acme", "agent", "9001"));
        var kinds = await h.QueryAsync<string>("SELECT kind FROM inbox WHERE tenant_id = 'acme' ORDER BY id");
        Assert.Equal(["TicketCreated", "TicketSolved"], kinds);
        Assert.Empty(await h.QueryAsync<string>("SELECT kind FROM inbox WHERE tenant_id = 'webhooks-only'"));
    }
}

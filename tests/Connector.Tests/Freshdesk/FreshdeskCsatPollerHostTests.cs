using HelpdeskGamify.Connector.Tests.Fakes;
using HelpdeskGamify.Connector.Tests.HelpdeskApi;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Freshdesk;

public sealed class FreshdeskCsatPollerHostTests
{
    [Fact]
    public async Task The_hosted_poller_imports_ratings_of_freshdesk_tenants_on_its_own_and_they_are_scored()
    {
        await using var h = await ConnectHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Freshdesk:CsatPollEnabled"] = "true",
            ["Freshdesk:CsatPollInterval"] = "00:00:00.300",
        });
        h.Freshdesk.Agents.Add(new FdAgentRow(501, "Ingrid Dahl", "ingrid@fresh.example"));
        h.Freshdesk.Contacts.Add(new FdContactRow(801, "Kari Nordmann", "kari@customer.example"));
        h.Freshdesk.Ratings.Add(new FdRatingRow(61, 1001, 501, 801, 103, DateTimeOffset.UtcNow.AddHours(-1), "Great support!"));
        await h.Host.CreateZendeskTenantAsync("zen"); // not Freshdesk: never polled
        await h.CreateFreshdeskTenantAsync("fresh");

        await GameHost.WaitUntilAsync(async () =>
            (await h.QueryAsync<long>("SELECT COUNT(*) FROM ledger WHERE tenant_id = 'fresh' AND rule_id = 'agent.good-rating'"))[0] == 1,
            TimeSpan.FromSeconds(15), "the polled rating to be scored");

        Assert.Empty(h.Zendesk.Requests);
        Assert.All(h.Freshdesk.Requests, r => Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(FakeFreshdesk.ApiKey + ":X")), r.Authorization));
    }
}

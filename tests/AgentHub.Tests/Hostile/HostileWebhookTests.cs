using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Hostile;

public sealed class HostileWebhookTests
{
    [Theory]
    [MemberData(nameof(WebhookRoute.Names), MemberType = typeof(WebhookRoute))]
    public async Task Every_hostile_request_gets_its_4xx_problem_stores_nothing_but_dead_letters_and_leaves_the_node_working(string routeName)
    {
        var route = WebhookRoute.Named(routeName);
        using var host = new GameHost();
        var context = new CorpusContext("acme", await route.CreateTenantAsync(host, "acme"), "globex", await route.CreateTenantAsync(host, "globex"));
        using var client = host.CreateClient();
        var failures = new List<string>();
        var applied = 0;

        foreach (var hostile in HostileCorpus.Cases)
        {
            using var request = hostile.Build(route, context);
            if (request is null)
            {
                continue;
            }
            applied++;
            var (inboxBefore, deadBefore) = await CountsAsync(host);
            using var response = await client.SendAsync(request);
            var (inboxAfter, deadAfter) = await CountsAsync(host);
            var problem = await ProblemOrNullAsync(response);

            if (!hostile.Allowed.Contains(response.StatusCode) && !(response.StatusCode == HttpStatusCode.OK && route.Accepts(hostile.Name)))
            {
                failures.Add($"{hostile.Name}: {(int)response.StatusCode}, allowed {string.Join('/', hostile.Allowed.Select(s => (int)s))}");
            }
            else if (response.StatusCode != HttpStatusCode.OK && problem?.Status != (int)response.StatusCode)
            {
                failures.Add($"{hostile.Name}: {(int)response.StatusCode} without a matching problem+json body");
            }
            var expectedDead = response.StatusCode == HttpStatusCode.UnprocessableEntity ? 1 : 0;
            if (deadAfter - deadBefore != expectedDead)
            {
                failures.Add($"{hostile.Name}: {deadAfter - deadBefore} dead letters, expected {expectedDead}");
            }
            if (response.StatusCode != HttpStatusCode.OK && inboxAfter != inboxBefore)
            {
                failures.Add($"{hostile.Name}: refused but stored {inboxAfter - inboxBefore} inbox rows");
            }
        }

        Assert.True(applied >= 60, $"Only {applied} hostile cases apply to {route.Name}.");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        await AssertStillWorksAsync(host, client, route, context);
    }

    private static async Task AssertStillWorksAsync(GameHost host, HttpClient client, WebhookRoute route, CorpusContext context)
    {
        using var good = await client.SendAsync(route.SignedPost(context.Tenant, context.Secret, route.ValidBody("424242").ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("accepted", (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var connection = await host.Service<Database>().OpenAsync();
        // The injection strings were data: every table is still there.
        var tables = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('tenants','inbox','ledger','participants','dead_letters')");
        Assert.Equal(5, tables);
    }

    internal static async Task<(long Inbox, long Dead)> CountsAsync(GameHost host)
    {
        await host.InboxMovedAsync();
        await using var connection = await host.Service<Database>().OpenAsync();
        return (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox"),
                await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dead_letters"));
    }

    internal static async Task<ProblemBody?> ProblemOrNullAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }
        return await response.Content.ReadFromJsonAsync<ProblemBody>();
    }

    internal sealed record ProblemBody(string? Title, int? Status, string? Detail);
}

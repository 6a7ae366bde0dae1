using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using HelpdeskGamify.TestSupport.ScaleOut;
using Xunit.Abstractions;

namespace HelpdeskGamify.AgentHub.Tests.ScaleOut;

/// <summary>An erase on one node must not leave the customer's id and name on another node's boards in memory.</summary>
public sealed class MultiNodeErasureTests(ITestOutputHelper output)
{
    private static readonly string[] Periods = ["all", "month"];

    [SkippableFact]
    public async Task Erasing_a_customer_on_one_node_refreshes_the_customer_boards_of_every_node()
    {
        Prerequisites.Require(RedisServerProcess.Executable is not null, "redis-server (apt-get install redis-server)");
        using var cluster = await MultiNodeCluster.StartAsync(leaseDuration: TimeSpan.FromSeconds(3));
        try
        {
            using (var admin = cluster.A.Client(GameHost.AdminKey))
            {
                await SettledTenants.SettleAtOnceAsync(admin, MultiNodeCluster.Tenant);
            }
            await Task.Delay(TimeSpan.FromSeconds(6)); // node B's rule cache (5 s) picks the settled rules up
            using (var client = cluster.A.Client())
            {
                foreach (var (ticket, customer, name) in new[] { ("1", "7001", "Kari Nordmann"), ("2", "7002", "Ola Hansen") })
                {
                    foreach (var body in new[]
                    {
                        ZendeskWebhooks.Trigger("ticket.solved", ticket, requesterId: customer, requesterName: name),
                        ZendeskWebhooks.Trigger("ticket.satisfaction_rated", ticket, requesterId: customer, requesterName: name, satisfaction: "Good"),
                    })
                    {
                        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost(MultiNodeCluster.Tenant, cluster.Secret, body));
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    }
                }
            }
            var points = 0L;
            foreach (var node in new[] { cluster.A, cluster.B })
            {
                foreach (var period in Periods)
                {
                    // Both nodes hold the boards in memory, with the customer's id on them.
                    await GameHost.WaitUntilAsync(async () => (points = (await BoardAsync(node, period)).Points.GetValueOrDefault("7001")) > 0,
                        TimeSpan.FromSeconds(30), $"customer 7001 on node {node.BaseAddress}'s {period} board");
                }
            }

            using var eraser = cluster.A.Client(GameHost.AdminKey);
            using var erase = await eraser.DeleteAsync($"/api/admin/tenants/{MultiNodeCluster.Tenant}/customers/7001");
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
            var pseudonym = (await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pseudonym").GetString()!;

            foreach (var node in new[] { cluster.A, cluster.B })
            {
                foreach (var period in Periods)
                {
                    var board = await BoardAsync(node, period);
                    await GameHost.WaitUntilAsync(async () => !(board = await BoardAsync(node, period)).Points.ContainsKey("7001"),
                        TimeSpan.FromSeconds(15), $"node {node.BaseAddress}'s {period} board to drop customer 7001");
                    Assert.Equal(points, board.Points.GetValueOrDefault(pseudonym));
                    Assert.True(board.Points.ContainsKey("7002"), board.Raw);
                    Assert.DoesNotContain("Kari", board.Raw, StringComparison.Ordinal);
                    Assert.DoesNotContain("7001", board.Raw, StringComparison.Ordinal);
                }
            }
        }
        catch
        {
            output.WriteLine(cluster.Describe());
            throw;
        }
    }

    private static async Task<(Dictionary<string, long> Points, string Raw)> BoardAsync(AgentHubProcess node, string period)
    {
        using var client = node.Client(GameHost.AdminKey);
        var raw = await client.GetStringAsync($"/api/tenants/{MultiNodeCluster.Tenant}/leaderboards/customers?period={period}&limit=100");
        var entries = JsonDocument.Parse(raw).RootElement.GetProperty("entries").EnumerateArray()
            .ToDictionary(e => e.GetProperty("participantId").GetString()!, e => e.GetProperty("points").GetInt64());
        return (entries, raw);
    }
}

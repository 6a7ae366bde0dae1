using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using HelpdeskGamify.TestSupport.ScaleOut;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace HelpdeskGamify.AgentHub.Tests.ScaleOut;

/// <summary>
/// Two real AgentHub processes over one SQLite file and one redis-server: pushes cross nodes, boards
/// agree, every webhook is scored exactly once, and a node killed mid-run loses nothing.
/// </summary>
public sealed class MultiNodeTests(ITestOutputHelper output)
{
    private const int Webhooks = 2000;

    [SkippableFact]
    public async Task Two_nodes_share_pushes_and_boards_and_score_every_webhook_exactly_once_when_one_is_killed()
    {
        Prerequisites.Require(RedisServerProcess.Executable is not null, "redis-server (apt-get install redis-server)");
        using var cluster = await MultiNodeCluster.StartAsync(leaseDuration: TimeSpan.FromSeconds(3));
        try
        {
            var perWebhook = await AwardOnNodeBForWebhookOnNodeAAsync(cluster);
            await SendSpreadOverBothNodesKillingOneAsync(cluster);
            await AssertEachScoredExactlyOnceAsync(cluster, perWebhook);
        }
        catch
        {
            output.WriteLine(cluster.Describe());
            throw;
        }
    }

    private static async Task<long> AwardOnNodeBForWebhookOnNodeAAsync(MultiNodeCluster cluster)
    {
        using (var probe = cluster.B.Client())
        {
            var ready = await probe.GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        }
        var token = await cluster.TokenAsync(cluster.B, "agent", "9001");
        await using var hub = MultiNodeCluster.Hub(cluster.B, token);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("pointsAwarded", m => received.TrySetResult(m));
        await hub.StartAsync();
        // Boards are read on both nodes first, so both hold them in memory and must be told of the
        // change (these round trips also give node B time to finish joining the hub groups).
        using (var admin = cluster.A.Client(GameHost.AdminKey))
        {
            await Scenario.SettleAtOnceAsync(admin, MultiNodeCluster.Tenant); // solve points settle at once, so boards move with each webhook
        }
        await Task.Delay(TimeSpan.FromSeconds(6)); // node B's rule cache (5 s) picks the set up
        Assert.Equal(0, await AllTimePointsAsync(cluster.A, "9001"));
        Assert.Equal(0, await AllTimePointsAsync(cluster.B, "9001"));

        using var client = cluster.A.Client();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost(MultiNodeCluster.Tenant, cluster.Secret,
            ZendeskWebhooks.Trigger("ticket.solved", "1")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var award = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("9001", award.GetProperty("participantId").GetString());
        var points = await cluster.QueryAsync<long>("SELECT COALESCE(SUM(points), 0) FROM ledger");
        Assert.True(points > 0);
        await GameHost.WaitUntilAsync(async () => await AllTimePointsAsync(cluster.A, "9001") == points
            && await AllTimePointsAsync(cluster.B, "9001") == points, TimeSpan.FromSeconds(30), "both nodes' boards to show the award");
        return points;
    }

    private async Task SendSpreadOverBothNodesKillingOneAsync(MultiNodeCluster cluster)
    {
        var nodes = new[] { cluster.A, cluster.B };
        var clients = nodes.Select(n => n.Client()).ToArray();
        var sent = 0;
        var retries = 0;
        AgentHubProcess? killed = null;
        var killedAt = Webhooks * 2 / 5;
        await Parallel.ForEachAsync(Enumerable.Range(0, Webhooks), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var body = ZendeskWebhooks.Trigger("ticket.solved", (1000 + i).ToString(CultureInfo.InvariantCulture));
            for (var attempt = 0; ; attempt++)
            {
                var node = (i + attempt) % 2;
                if (!nodes[node].Running)
                {
                    node = 1 - node;
                }
                try
                {
                    using var response = await clients[node].SendAsync(ZendeskWebhooks.SignedPost(MultiNodeCluster.Tenant, cluster.Secret, body), ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }
                // Like a helpdesk: anything but a 200 is sent again (the inbox answers "duplicate" if it was stored).
                Interlocked.Increment(ref retries);
                Assert.True(attempt < 50, $"webhook {i} was never accepted");
                await Task.Delay(50, ct);
            }
            if (Interlocked.Increment(ref sent) == killedAt)
            {
                killed = await KillTheScoringNodeAsync(cluster);
            }
        });
        foreach (var client in clients)
        {
            client.Dispose();
        }
        Assert.NotNull(killed);
        output.WriteLine($"Killed node {killed!.BaseAddress} after {killedAt} webhooks; {retries} sends were retried.");
    }

    private static async Task<AgentHubProcess> KillTheScoringNodeAsync(MultiNodeCluster cluster)
    {
        // Killing the lease holder is the hard case: its batch in flight dies uncommitted.
        var owner = await cluster.QueryAsync<string>("SELECT owner FROM scoring_leases WHERE tenant_id = 'acme'");
        var victim = owner is not null && owner.Contains($"/{cluster.A.ProcessId}/", StringComparison.Ordinal) ? cluster.A : cluster.B;
        victim.Kill();
        return victim;
    }

    private static async Task AssertEachScoredExactlyOnceAsync(MultiNodeCluster cluster, long perWebhook)
    {
        var survivor = cluster.A.Running ? cluster.A : cluster.B;
        await GameHost.WaitUntilAsync(async () => !await StagedFacts.WaitingAsync(cluster.DataDirectory) && await cluster.QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0,
            TimeSpan.FromSeconds(60), "the surviving node to score every pending row");

        Assert.Equal(Webhooks + 1, await cluster.QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 1"));
        var entriesPerWebhook = await cluster.QueryAsync<long>("SELECT COUNT(*) FROM ledger WHERE source_inbox_id = (SELECT MIN(id) FROM inbox)");
        Assert.Equal((Webhooks + 1) * entriesPerWebhook, await cluster.QueryAsync<long>("SELECT COUNT(*) FROM ledger"));
        Assert.Equal(0, await cluster.QueryAsync<long>(
            "SELECT COUNT(*) FROM (SELECT source_inbox_id FROM ledger GROUP BY source_inbox_id, rule_id, participant_id HAVING COUNT(*) > 1)"));
        var expected = (Webhooks + 1) * perWebhook;
        Assert.Equal(expected, await cluster.QueryAsync<long>("SELECT SUM(points) FROM ledger"));
        Assert.Equal(expected, await cluster.QueryAsync<long>(
            "SELECT points FROM leaderboard_totals WHERE tenant_id = 'acme' AND board = 'agents' AND period_key = 'all' AND member_key = '9001'"));
        await GameHost.WaitUntilAsync(async () => await AllTimePointsAsync(survivor, "9001") == expected,
            TimeSpan.FromSeconds(30), "the surviving node's board to show the exact total");
        // Both nodes started at once, yet made one key between them (FirstDataProtectionKey), kept in the
        // shared database, and both decrypted the tenant's secrets with it.
        Assert.Equal(1, await cluster.QueryAsync<long>("SELECT COUNT(*) FROM data_protection_keys"));
    }

    private static async Task<long> AllTimePointsAsync(AgentHubProcess node, string agent)
    {
        using var client = node.Client(GameHost.AdminKey);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/tenants/{MultiNodeCluster.Tenant}/leaderboards/agents?period=all&limit=10");
        return page.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("participantId").GetString() == agent)
            .Select(e => e.GetProperty("points").GetInt64())
            .FirstOrDefault();
    }
}

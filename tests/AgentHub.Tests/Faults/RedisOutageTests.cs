using System.Globalization;
using System.Net;
using System.Text.Json;
using HelpdeskGamify.AgentHub.Tests.ScaleOut;
using HelpdeskGamify.TestSupport;
using HelpdeskGamify.TestSupport.ScaleOut;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace HelpdeskGamify.AgentHub.Tests.Faults;

/// <summary>
/// Redis is not durability: two real nodes over one SQLite file keep taking webhooks while their
/// redis-server is gone, say so on <c>/health/ready</c>, and when it returns on the same port they
/// reconnect by themselves, pushes cross nodes again and both nodes' boards equal the ledger.
/// </summary>
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private const int PerPhase = 300;
    private static readonly string[] Agents = ["9001", "9002", "9003", "9004"];

    [SkippableFact]
    public async Task Webhooks_stay_durable_while_redis_is_down_and_nodes_reconnect_push_and_converge_when_it_returns()
    {
        Prerequisites.Require(RedisServerProcess.Executable is not null, "redis-server (apt-get install redis-server)");
        using var cluster = await MultiNodeCluster.StartAsync(leaseDuration: TimeSpan.FromSeconds(3), new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.AspNetCore.SignalR.StackExchangeRedis"] = Environment.GetEnvironmentVariable("REDIS_TRACE") ?? "Warning",
        });
        try
        {
            using (var admin = cluster.A.Client(GameHost.AdminKey))
            {
                await SettledTenants.SettleAtOnceAsync(admin, MultiNodeCluster.Tenant);
            }
            await Task.Delay(TimeSpan.FromSeconds(6)); // node B's rule cache (5 s) picks the settled rules up
            foreach (var node in new[] { cluster.A, cluster.B })
            {
                // Loaded boards are the ones that must be kept current (unloaded ones read the database).
                await MultiNodeCluster.BoardAsync(node, "agents");
                await MultiNodeCluster.BoardAsync(node, "customers");
            }
            var token = await cluster.TokenAsync(cluster.B, "agent", "9001");
            await using var before = MultiNodeCluster.Hub(cluster.B, token);
            var beforeHeard = Listen(before);
            await before.StartAsync();

            var sent = await SendAsync(cluster, first: 0, PerPhase, "before the outage");
            await AwardCrossesNodesAsync(cluster, "90001", beforeHeard);
            sent++;

            cluster.Redis.Stop();
            await WaitRedisStatusAsync(cluster, "degraded");
            sent += await SendAsync(cluster, first: PerPhase, PerPhase, "while redis is down");
            // Scoring does not need Redis either: the lease holder works through the inbox meanwhile.
            var draining = System.Diagnostics.Stopwatch.StartNew();
            await GameHost.WaitUntilAsync(async () => !await StagedFacts.WaitingAsync(cluster.DataDirectory) && await cluster.QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0,
                TimeSpan.FromSeconds(120), "the inbox to be scored while redis is down");
            output.WriteLine($"Inbox scored {draining.Elapsed.TotalSeconds:0.0} s after the last webhook of the outage (figure, not asserted).");
            foreach (var node in new[] { cluster.A, cluster.B })
            {
                var (http, status, description) = await MultiNodeCluster.ReadyCheckAsync(node, "redis");
                Assert.Equal((HttpStatusCode.OK, "degraded"), (http, status));
                Assert.Contains("Redis unreachable", description, StringComparison.Ordinal);
                Assert.Equal("healthy", (await MultiNodeCluster.ReadyCheckAsync(node, "storage-writes")).Status);
            }
            await AssertHubRefusedWithRetryAfterAsync(cluster, token);

            await cluster.Redis.StartAgainAsync();
            await WaitRedisStatusAsync(cluster, "healthy");
            await using var after = MultiNodeCluster.Hub(cluster.B, token);
            var afterHeard = Listen(after);
            await after.StartAsync();
            output.WriteLine("--- redis restarted, marker 90002");
            await AwardCrossesNodesAsync(cluster, "90002", afterHeard, beforeHeard);
            sent++;
            sent += await SendAsync(cluster, first: 2 * PerPhase, PerPhase, "after redis returned");

            await AssertExactAndConvergedAsync(cluster, sent);
        }
        catch
        {
            output.WriteLine(cluster.Describe());
            throw;
        }
    }

    /// <summary>Posts solves spread over both nodes like a helpdesk: anything but a 200 is sent again; a 503 must carry Retry-After.</summary>
    private async Task<int> SendAsync(MultiNodeCluster cluster, int first, int count, string phase)
    {
        var nodes = new[] { cluster.A, cluster.B };
        var clients = nodes.Select(n => n.Client()).ToArray();
        var unavailable = 0;
        var posted = 0;
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();

        async Task PostUntilAcceptedAsync(string body, int spread, CancellationToken ct)
        {
            for (var attempt = 0; ; attempt++)
            {
                using var response = await clients[(spread + attempt) % 2].SendAsync(
                    ZendeskWebhooks.SignedPost(MultiNodeCluster.Tenant, cluster.Secret, body), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter is null)
                {
                    wrong.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)} for {body}");
                    return;
                }
                Interlocked.Increment(ref unavailable);
                if (attempt == 100)
                {
                    wrong.Add($"still 503 after 100 attempts: {body}");
                    return;
                }
                await Task.Delay(100, ct);
            }
        }

        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var agent = Agents[i % Agents.Length];
                var ticket = (1000 + i).ToString(CultureInfo.InvariantCulture);
                var customer = "7" + agent[1..];
                await PostUntilAcceptedAsync(ZendeskWebhooks.Trigger("ticket.solved", ticket, assigneeId: agent, requesterId: customer), i, ct);
                if (i % 3 == 0)
                {
                    // Customers earn on ratings, so the customers board moves too.
                    await PostUntilAcceptedAsync(ZendeskWebhooks.Trigger("ticket.satisfaction_rated", ticket, assigneeId: agent, requesterId: customer,
                        satisfaction: "Good"), i + 1, ct);
                    Interlocked.Increment(ref posted);
                }
                Interlocked.Increment(ref posted);
            });
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
        output.WriteLine($"{posted} webhooks {phase}: {unavailable} answers were 503 with Retry-After and sent again.");
        Assert.True(wrong.IsEmpty, string.Join('\n', wrong.Take(20)));
        return posted;
    }

    /// <summary>A new hub connection cannot join its groups without the backplane: its negotiate gets 503 with Retry-After, so it comes back.</summary>
    private static async Task AssertHubRefusedWithRetryAfterAsync(MultiNodeCluster cluster, string token)
    {
        using var client = cluster.B.Client(token);
        HttpResponseMessage? refused = null;
        try
        {
            await GameHost.WaitUntilAsync(async () =>
            {
                refused?.Dispose();
                refused = await client.PostAsync("/hubs/game/negotiate?negotiateVersion=1", null);
                return refused.StatusCode == HttpStatusCode.ServiceUnavailable;
            }, TimeSpan.FromSeconds(30), "the hub's negotiate to answer 503 while the backplane is down");
            Assert.NotNull(refused!.Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            refused?.Dispose();
        }
        await using var hub = MultiNodeCluster.Hub(cluster.B, token);
        await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
    }

    private static async Task WaitRedisStatusAsync(MultiNodeCluster cluster, string expected)
    {
        foreach (var node in new[] { cluster.A, cluster.B })
        {
            await GameHost.WaitUntilAsync(async () => (await MultiNodeCluster.ReadyCheckAsync(node, "redis")).Status == expected,
                TimeSpan.FromSeconds(60), $"node {node.BaseAddress} to report redis {expected} on /health/ready");
        }
    }

    private static Func<string, Task> Listen(HubConnection hub)
    {
        var tickets = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>();
        TaskCompletionSource For(string ticket) => tickets.GetOrAdd(ticket, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        hub.On<JsonElement>("pointsAwarded", m =>
        {
            if (m.TryGetProperty("ticketId", out var ticket) && ticket.GetString() is { } id)
            {
                For(id).TrySetResult();
            }
        });
        return ticket => For(ticket).Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A webhook posted to node A reaches agent 9001's hub connections on node B (whichever node scores it).</summary>
    private static async Task AwardCrossesNodesAsync(MultiNodeCluster cluster, string ticket, params Func<string, Task>[] heard)
    {
        using var client = cluster.A.Client();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost(MultiNodeCluster.Tenant, cluster.Secret,
            ZendeskWebhooks.Trigger("ticket.solved", ticket)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var waits = heard.Select(h => h(ticket)).ToList();
        try
        {
            await Task.WhenAll(waits);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"award for ticket {ticket}: heard by hub connections [{string.Join(", ", waits.Select(w => w.IsCompletedSuccessfully))}]");
        }
    }

    private async Task AssertExactAndConvergedAsync(MultiNodeCluster cluster, int sent)
    {
        await GameHost.WaitUntilAsync(async () => !await StagedFacts.WaitingAsync(cluster.DataDirectory) && await cluster.QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0,
            TimeSpan.FromSeconds(60), "every pending row to be scored");
        Assert.Equal(sent, await cluster.QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 1"));
        Assert.Equal(sent, await cluster.QueryAsync<long>("SELECT COUNT(*) FROM inbox"));
        // Every delivery of a kind earned the same entries: none lost (0) and none scored twice.
        var perKind = await cluster.QueryPairsAsync("""
            SELECT kind, COUNT(DISTINCT n) * 1000000 + MIN(n) FROM (
                SELECT i.kind, (SELECT COUNT(*) FROM ledger l WHERE l.source_inbox_id = i.id) AS n FROM inbox i)
            GROUP BY kind
            """);
        Assert.Equal(2, perKind.Count);
        foreach (var (kind, shape) in perKind)
        {
            Assert.True(shape / 1000000 == 1 && shape % 1000000 > 0, $"{kind}: {shape / 1000000} different entry counts, the least {shape % 1000000}");
        }
        Assert.Equal(0, await cluster.QueryAsync<long>(
            "SELECT COUNT(*) FROM (SELECT source_inbox_id FROM ledger GROUP BY source_inbox_id, rule_id, participant_id HAVING COUNT(*) > 1)"));

        foreach (var (board, kind) in new[] { ("agents", "agent"), ("customers", "customer") })
        {
            var ledger = await cluster.QueryPairsAsync($"""
                SELECT p.external_id, SUM(l.points) FROM ledger l JOIN participants p ON p.id = l.participant_id
                WHERE l.tenant_id = 'acme' AND p.kind = '{kind}' GROUP BY p.external_id HAVING SUM(l.points) <> 0
                """);
            Assert.NotEmpty(ledger);
            foreach (var node in new[] { cluster.A, cluster.B })
            {
                var shown = new Dictionary<string, long>();
                try
                {
                    await GameHost.WaitUntilAsync(async () =>
                    {
                        shown = await MultiNodeCluster.BoardAsync(node, board);
                        return ledger.All(e => shown.GetValueOrDefault(e.Key) == e.Value);
                    }, TimeSpan.FromSeconds(30), $"node {node.BaseAddress}'s {board} board to equal the ledger");
                }
                catch
                {
                    output.WriteLine($"{board} on {node.BaseAddress}: ledger {Show(ledger)}; board {Show(shown)}");
                    throw;
                }
            }
            output.WriteLine($"{board}: both nodes show {Show(ledger)}, as the ledger.");
        }
    }

    private static string Show(Dictionary<string, long> totals) =>
        string.Join(", ", totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
}

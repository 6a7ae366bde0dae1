using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using HelpdeskGamify.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HelpdeskGamify.AgentHub.Tests.Reliability;

[Trait("Category", "Reliability")]
[Collection(ChildProcessCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const string Tenant = "crash";

    [Fact]
    public async Task SIGKILL_at_random_points_loses_no_acknowledged_event_and_scores_none_twice()
    {
        var size = ReliabilitySettings.CrashEvents;
        var seed = ReliabilitySettings.CrashSeed;
        var random = new Random(seed);
        var killPoints = new Queue<int>(Enumerable.Range(0, ReliabilitySettings.CrashKills)
            .Select(_ => random.Next(size / 20, size * 19 / 20)).Order());
        output.WriteLine($"events {size}, seed {seed}, kills after {string.Join(", ", killPoints)} acknowledgements");

        using var node = new AgentHubProcess();
        await node.StartAsync();
        var secret = await CreateTenantAsync(node);
        using var sender = new WebhookSender(node.BaseAddress, Tenant, secret);

        var acked = new HashSet<int>();
        var pending = Enumerable.Range(0, size).ToList();
        var killed = 0;
        var rounds = 0;
        while (pending.Count > 0)
        {
            Assert.True(++rounds < 50, "The sender could not get every delivery acknowledged.");
            var gate = new object();
            var killedThisRound = false;
            var answers = await sender.SendAsync(pending, _ =>
            {
                lock (gate)
                {
                    var total = Interlocked.Increment(ref ackCount);
                    if (!killedThisRound && killPoints.TryPeek(out var at) && total >= at)
                    {
                        killPoints.Dequeue();
                        killedThisRound = true;
                        node.Kill();
                    }
                }
            });
            foreach (var (index, answer) in answers)
            {
                if (answer is "accepted" or "duplicate")
                {
                    acked.Add(index);
                }
            }
            pending = pending.Where(i => !acked.Contains(i)).ToList();
            if (killedThisRound)
            {
                killed++;
                output.WriteLine($"killed after {ackCount} acknowledgements; {pending.Count} to resend");
                await node.StartAsync();
            }
        }

        // Once more while the scorer is still catching up, then let it finish.
        node.Kill();
        killed++;
        await node.StartAsync();
        await WaitForScoringAsync(node);
        var resent = await sender.SendAsync(Enumerable.Range(0, size).Where(i => i % 97 == 0).ToList());
        Assert.All(resent.Values, a => Assert.Equal("duplicate", a));
        node.Kill();

        Assert.Equal(ReliabilitySettings.CrashKills + 1, killed);
        await AssertLedgerExactAsync(node, size);
    }

    private int ackCount;

    private static async Task<string> CreateTenantAsync(AgentHubProcess node)
    {
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var admin = new HttpClient { BaseAddress = node.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GameHost.AdminKey);
        using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{Tenant}", new
        {
            name = "Crash test",
            platform = "zendesk",
            zendesk = new { subdomain = Tenant, webhookSigningSecret = secret },
        });
        response.EnsureSuccessStatusCode();
        return secret;
    }

    private static async Task WaitForScoringAsync(AgentHubProcess node)
    {
        await GameHost.WaitUntilAsync(async () =>
        {
            if (await StagedFacts.WaitingAsync(node.DataDirectory))
            {
                return false;
            }
            await using var db = Open(node);
            return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0;
        }, TimeSpan.FromSeconds(120), "the scorer to drain the inbox");
    }

    private async Task AssertLedgerExactAsync(AgentHubProcess node, int size)
    {
        await using var db = Open(node);
        Assert.Equal(size, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox"));
        Assert.Equal(size, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 1"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT source_inbox_id FROM ledger WHERE source_inbox_id IS NOT NULL GROUP BY source_inbox_id, rule_id HAVING COUNT(*) > 1)"));
        Assert.Equal(size, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger WHERE rule_id = 'agent.ticket-solved'"));

        var expected = Enumerable.Range(0, size).GroupBy(WebhookSender.AgentOf).ToDictionary(g => g.Key, g => 10L * g.Count());
        // Solve points exactly as sent; quest rewards of the week the facts happened in may come on top (boards hold both).
        var ledger = (await db.QueryAsync<(string Agent, long Points)>(
            "SELECT p.external_id, SUM(l.points) FROM ledger l JOIN participants p ON p.id = l.participant_id WHERE l.tenant_id = @Tenant AND l.rule_id = 'agent.ticket-solved' GROUP BY p.external_id",
            new { Tenant })).ToDictionary(r => r.Agent, r => r.Points);
        var held = (await db.QueryAsync<(string Agent, long Points)>(
            "SELECT p.external_id, SUM(l.points) FROM ledger l JOIN participants p ON p.id = l.participant_id WHERE l.tenant_id = @Tenant GROUP BY p.external_id",
            new { Tenant })).ToDictionary(r => r.Agent, r => r.Points);
        var boards = (await db.QueryAsync<(string Agent, long Points)>(
            "SELECT member_key, points FROM leaderboard_totals WHERE tenant_id = @Tenant AND board = 'agents' AND period_key = 'all'",
            new { Tenant })).ToDictionary(r => r.Agent, r => r.Points);
        Assert.Equal(expected.OrderBy(e => e.Key), ledger.OrderBy(e => e.Key));
        Assert.Equal(held.OrderBy(e => e.Key), boards.OrderBy(e => e.Key));
        output.WriteLine($"ledger: {size} entries, {expected.Values.Sum()} points over {expected.Count} agents, exactly as sent");
    }

    private static SqliteConnection Open(AgentHubProcess node)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = node.DatabaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

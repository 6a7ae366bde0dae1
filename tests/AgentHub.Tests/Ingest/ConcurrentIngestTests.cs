using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using HelpdeskGamify.TestSupport;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

/// <summary>
/// Many deliveries at once, as under load: the inbox writer commits to the staging inbox while the scorer
/// moves and scores, and that must never let a 200 go out before its row is committed, nor score a fact twice.
/// </summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private const int Workers = 24;
    private const int PerWorker = 10;
    private readonly GameHost _host = new();

    [Fact]
    public async Task Concurrent_deliveries_are_stored_before_their_200_and_scored_exactly_once()
    {
        var secret = await _host.CreateZendeskTenantAsync("busy");
        var at = DateTimeOffset.Parse("2026-11-20T10:15:00Z", CultureInfo.InvariantCulture);
        var notYetStored = 0;
        using var client = _host.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            for (var i = 0; i < PerWorker; i++)
            {
                var ticket = $"{w}-{i}";
                var body = ZendeskWebhooks.Trigger("ticket.solved", ticket, assigneeId: $"agent-{w % 5}", updatedAt: at);
                using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("busy", secret, body, invocationId: "inv-" + ticket));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                // Acknowledged means committed: the row must be readable by anyone the moment the 200 arrives, in the
                // staging file or, once moved, the main one (read in that order, so a move in between cannot hide it).
                if (await CountAsync("SELECT COUNT(*) FROM inbox WHERE tenant_id = 'busy' AND delivery_id = @P", "inv-" + ticket, StagingFile) == 0
                    && await CountAsync("SELECT COUNT(*) FROM inbox WHERE tenant_id = 'busy' AND delivery_id = @P", "inv-" + ticket) != 1)
                {
                    Interlocked.Increment(ref notYetStored);
                }
            }
        }));

        Assert.Equal(0, notYetStored);
        await _host.InboxMovedAsync();
        await GameHost.WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0, TimeSpan.FromSeconds(30), "the scorer to drain the inbox");
        const int facts = Workers * PerWorker;
        Assert.Equal(facts, await CountAsync("SELECT COUNT(*) FROM inbox WHERE tenant_id = 'busy' AND status = 1"));
        // One solve entry per fact; quest rewards of the week the facts happened in may join them (quests are judged on when facts happened).
        Assert.Equal(facts, await CountAsync("SELECT COUNT(*) FROM ledger WHERE tenant_id = 'busy' AND rule_id = 'agent.ticket-solved'"));
        Assert.Equal(facts * 10, await CountAsync("SELECT SUM(points) FROM ledger WHERE tenant_id = 'busy' AND rule_id = 'agent.ticket-solved'"));
        Assert.Equal(await CountAsync("SELECT SUM(points) FROM ledger WHERE tenant_id = 'busy'"),
            await CountAsync("SELECT SUM(points) FROM leaderboard_totals WHERE tenant_id = 'busy' AND board = 'agents' AND period_key = 'all'"));
        var entries = await CountAsync("SELECT COUNT(*) FROM ledger WHERE tenant_id = 'busy'");

        // The same facts again, concurrently, under new delivery ids: all duplicates, nothing changes.
        var answers = await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            var body = ZendeskWebhooks.Trigger("ticket.solved", $"{w}-0", assigneeId: $"agent-{w % 5}", updatedAt: at);
            using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("busy", secret, body, invocationId: "again-" + w));
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        }));
        Assert.All(answers, a => Assert.Equal("duplicate", a));
        await Task.Delay(300);
        Assert.Equal(entries, await CountAsync("SELECT COUNT(*) FROM ledger WHERE tenant_id = 'busy'"));
    }

    private const string StagingFile = "inbox-staging.db";

    private async Task<long> CountAsync(string sql, string? parameter = null, string file = "helpdeskgamify.db")
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, file)};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { P = parameter });
    }

    public void Dispose() => _host.Dispose();
}

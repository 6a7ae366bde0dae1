using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HelpdeskGamify.Connector.Tests.Scoring.Ledger;

/// <summary>
/// How many SQL statements scoring a fact takes, in the ingest benchmark's shape (each fact a new ticket solved, 500 agents in
/// 20 teams, 5,000 customers, full scoring batches), counted with SQLite's profile hook and printed per statement. The budgets
/// guard what docs/performance.md measures ("Statements per fact"); they are counts, not timings.
/// </summary>
[Collection(StatementCounting.Name)]
public sealed class StatementBudgetTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(true, 13)]
    [InlineData(false, 22)]
    public async Task Scoring_a_solved_ticket_stays_within_its_statement_budget(bool pending, double budget)
    {
        await using var engine = await EngineHarness.StartAsync(T0);
        if (!pending)
        {
            // Solves settle at once, so each also moves the boards.
            await engine.Get<RuleSetStore>().SaveAsync("acme", DefaultRules.Set with { Pending = new PendingPolicy { WindowHours = 0 } });
        }
        var statements = new Dictionary<string, (int Count, long Ns)>();
        var open = new List<SqliteConnection>();
        for (var i = 0; i < 4; i++)
        {
            open.Add((SqliteConnection)await engine.Get<HelpdeskGamify.Connector.Scoring.ScoringStore>().OpenAsync(CancellationToken.None));
        }
        foreach (var connection in open)
        {
            // Every pooled connection the scorer may get reports each statement it finished (the PRAGMAs of opening one are left out).
            SQLitePCL.raw.sqlite3_profile(connection.Handle, (_, sql, ns) =>
            {
                var key = sql.ReplaceLineEndings(" ");
                key = key.Length > 100 ? key[..100] : key;
                if (!key.StartsWith("PRAGMA", StringComparison.Ordinal))
                {
                    lock (statements)
                    {
                        statements[key] = statements.TryGetValue(key, out var v) ? (v.Count + 1, v.Ns + ns) : (1, ns);
                    }
                }
            }, null);
        }
        foreach (var connection in open)
        {
            await connection.DisposeAsync();
        }

        // A first round fills the tables (and the people); the second is measured.
        const int facts = 640;
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < facts; i++)
            {
                var agent = i % 500;
                await engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.TicketSolved, $"r{round}-{i}", T0, agent: "a" + agent,
                    customer: "c" + ((round * facts) + i) % 5000, group: "Team " + (agent % 20)));
            }
            lock (statements)
            {
                statements.Clear();
            }
            await engine.ScoreAllAsync();
        }

        Dictionary<string, (int Count, long Ns)> scored;
        lock (statements)
        {
            scored = new(statements);
        }
        var perFact = (double)scored.Values.Sum(v => v.Count) / facts;
        output.WriteLine($"{(pending ? "pending" : "settled")} solves: {perFact:F2} statements per fact");
        foreach (var (sql, v) in scored.OrderByDescending(kv => kv.Value.Count))
        {
            output.WriteLine($"{(double)v.Count / facts,6:F2}/fact {v.Ns / 1000.0 / v.Count,9:F1} µs  {sql}");
        }
        Assert.Equal(facts, await engine.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 1") - facts);
        Assert.InRange(perFact, 1, budget);
    }
}

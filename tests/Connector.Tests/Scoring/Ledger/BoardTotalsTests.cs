using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Connector.Tests.Scoring.Ledger;

/// <summary>
/// The scorer sums a batch's board deltas and writes each member's total once per board and period, several hundred
/// per statement: the totals must be exactly what entry-by-entry writing gave (the ledger's sums), in the database and
/// in the in-memory boards the committed batch updates.
/// </summary>
[Collection(StatementCounting.Name)]
public sealed class BoardTotalsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(T0);
        // Solves settle at once, so every solve moves the boards (as in the ingest benchmark).
        await _engine.Get<RuleSetStore>().SaveAsync("acme", DefaultRules.Set with { Pending = new PendingPolicy { WindowHours = 0 } });
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_batch_writes_each_total_once_and_every_total_equals_the_ledger()
    {
        // 45 agents in 9 teams, a full batch and a few more solves: the full batch touches more totals than one statement takes
        // (MultiRowSql.MaxRows).
        for (var i = 0; i < ScoringWorker.BatchSize + 22; i++)
        {
            var agent = i % 45;
            await _engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.TicketSolved, "t" + i, T0.AddMinutes(i), agent: "a" + agent,
                customer: "c" + (i % 7), group: "Team " + (agent % 9)));
        }
        var index = _engine.Get<LeaderboardIndex>();
        var allTime = new BoardKey("acme", "agents", "all");
        Assert.Equal(0, await index.ReadAsync(allTime, set => set.Count));

        var statements = await CountTotalsStatementsAsync(_engine.ScoreAllAsync);

        // Two batches (BatchSize + 22 rows); the first needs two statements (more than MaxRows totals), the second one.
        Assert.Equal(3, statements);
        var ledger = await _engine.QueryAsync<(string Agent, string Team, long Points)>("""
            SELECT p.external_id, p.team, SUM(l.points) FROM ledger l JOIN participants p ON p.id = l.participant_id
            WHERE l.tenant_id = 'acme' AND p.kind = 'agent' GROUP BY p.external_id, p.team
            """);
        Assert.Equal(45, ledger.Count);
        var totals = await _engine.QueryAsync<(string Board, string PeriodKey, string MemberKey, long Points)>(
            "SELECT board, period_key, member_key, points FROM leaderboard_totals WHERE tenant_id = 'acme'");
        foreach (var period in LeaderboardPeriods.Names)
        {
            var key = LeaderboardPeriods.KeyOf(period, T0);
            Assert.Equal(ledger.ToDictionary(l => l.Agent, l => l.Points), Board(totals, "agents", key));
            Assert.Equal(ledger.GroupBy(l => l.Team).ToDictionary(g => g.Key, g => g.Sum(l => l.Points)), Board(totals, "teams", key));
            foreach (var team in ledger.GroupBy(l => l.Team))
            {
                Assert.Equal(team.ToDictionary(l => l.Agent, l => l.Points), Board(totals, LeaderboardReader.TeamAgentsBoard(team.Key), key));
            }
        }
        Assert.Equal(ledger.Sum(l => l.Points) * LeaderboardPeriods.Names.Count, totals.Where(t => t.Board == "agents").Sum(t => t.Points));
        // The loaded board was moved by the committed batches' absolute totals, not reloaded.
        var inMemory = await index.ReadAsync(allTime, set => ledger.ToDictionary(l => l.Agent, l => set.TryGetScore(l.Agent, out var s) ? s : -1));
        Assert.Equal(ledger.ToDictionary(l => l.Agent, l => l.Points), inMemory);
    }

    [Fact]
    public async Task Totals_are_not_written_twice_when_rows_are_scored_again()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.TicketSolved, "1", T0, group: "Team 1"));
        await _engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.TicketSolved, "2", T0, group: "Team 1"));
        await _engine.ScoreAllAsync();
        await _engine.ScalarAsync<long>("UPDATE inbox SET status = 0; SELECT changes()");
        await _engine.ScoreAllAsync();

        var points = await _engine.ScalarAsync<long>("SELECT SUM(points) FROM ledger WHERE tenant_id = 'acme'");
        Assert.True(points > 0);
        Assert.Equal(points, await _engine.ScalarAsync<long>("SELECT points FROM leaderboard_totals WHERE tenant_id = 'acme' AND board = 'agents' AND period_key = 'all' AND member_key = 'a1'"));
        Assert.Equal(points, await _engine.ScalarAsync<long>("SELECT points FROM leaderboard_totals WHERE tenant_id = 'acme' AND board = 'teams' AND period_key = 'all' AND member_key = 'Team 1'"));
    }

    private static Dictionary<string, long> Board(IEnumerable<(string Board, string PeriodKey, string MemberKey, long Points)> totals, string board, string periodKey) =>
        totals.Where(t => t.Board == board && t.PeriodKey == periodKey).ToDictionary(t => t.MemberKey, t => t.Points);

    // Counts the statements that write leaderboard_totals while scoring, on every pooled connection of the harness's database.
    private async Task<int> CountTotalsStatementsAsync(Func<Task> score)
    {
        var count = 0;
        var open = new List<SqliteConnection>();
        for (var i = 0; i < 4; i++)
        {
            open.Add((SqliteConnection)await _engine.Get<HelpdeskGamify.Connector.Scoring.ScoringStore>().OpenAsync(CancellationToken.None));
        }
        foreach (var connection in open)
        {
            SQLitePCL.raw.sqlite3_trace(connection.Handle, (_, sql) =>
            {
                if (sql.Contains("INSERT INTO leaderboard_totals", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref count);
                }
            }, null);
        }
        foreach (var connection in open)
        {
            await connection.DisposeAsync();
        }
        await score();
        return count;
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rules;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring;

/// <summary>
/// Through the real worker and SQLite: any permutation or duplication of a recorded event stream, with
/// scoring and release passes interleaved at arbitrary points, ends in the same ledger totals, the
/// running balances always equal the ledger sums, and the boards equal the settled balances.
/// </summary>
public sealed class ReplayProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    // A recorded day of a small helpdesk: solves, reopens, ratings in every order, chats and reviews.
    private static readonly HelpdeskEvent[] Recorded =
    [
        Events.Ticket(TicketCreated, "100", T0, customer: "c1"),
        Events.Ticket(TicketSolved, "100", T0.AddMinutes(30), resolutionSeconds: 1800),
        Events.Ticket(SatisfactionRated, "100", T0.AddHours(2), rating: SatisfactionRating.Good),
        Events.Ticket(TicketSolved, "101", T0.AddMinutes(40), agent: "a2", customer: "c2", priority: "urgent"),
        Events.Ticket(TicketReopened, "101", T0.AddHours(3), agent: "a2", customer: "c2"),
        Events.Ticket(TicketSolved, "101", T0.AddHours(5), agent: "a2", customer: "c2"),
        Events.Ticket(TicketSolved, "102", T0.AddHours(1), customer: "c3"),
        Events.Ticket(SatisfactionRated, "102", T0.AddHours(4), customer: "c3", rating: SatisfactionRating.Bad),
        Events.Ticket(TicketSolved, "103", T0.AddHours(1), agent: "a2", customer: "c1", priority: "high"),
        Events.Loose(ChatStarted, "chat-1", T0.AddMinutes(5), customer: "c2"),
        Events.Loose(ReviewCompleted, "review-1", T0.AddHours(6), customer: "c1"),
    ];

    private static readonly RuleSet NoQuests = DefaultRules.Set with { Quests = [] };

    private static Gen<(int[] Order, bool[] Duplicate, bool[] ScoreAfter)> Schedules =>
        from order in Gen.Shuffle(Enumerable.Range(0, Recorded.Length).ToArray())
        from dup in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), Recorded.Length)
        from score in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), Recorded.Length)
        select (order, dup, score);

    [Property(MaxTest = 12)]
    public Property Any_permutation_or_duplication_yields_the_same_final_totals() =>
        Prop.ForAll(Arb.From(Schedules), schedule =>
        {
            var expected = RunAsync(Enumerable.Range(0, Recorded.Length).ToArray(), new bool[Recorded.Length], new bool[Recorded.Length]).GetAwaiter().GetResult();
            var actual = RunAsync(schedule.Order, schedule.Duplicate, schedule.ScoreAfter).GetAwaiter().GetResult();
            return expected.SequenceEqual(actual);
        });

    private static async Task<List<string>> RunAsync(int[] order, bool[] duplicate, bool[] scoreAfter)
    {
        await using var engine = await EngineHarness.StartAsync(T0.AddMinutes(1));
        await engine.Get<RuleBook>().ReplaceAsync("acme", NoQuests);
        for (var i = 0; i < order.Length; i++)
        {
            var e = Recorded[order[i]];
            await engine.DeliverAsync("acme", e);
            if (duplicate[i])
            {
                await engine.DeliverAsync("acme", e, naturalKeySuffix: "#resent");
            }
            if (scoreAfter[i])
            {
                engine.Clock.Advance(TimeSpan.FromHours(order[i] % 5));
                await engine.ScoreAllAsync();
                await engine.ReleaseAsync();
            }
        }
        engine.Clock.Advance(TimeSpan.FromDays(10));
        await engine.ScoreAllAsync();
        await engine.ReleaseAsync();

        var ledger = await engine.LedgerTotalsAsync("acme");
        var balances = (await engine.QueryAsync<(string Kind, string Id, long Balance, long Pending)>("""
            SELECT p.kind, p.external_id, b.balance, b.pending FROM participant_balances b JOIN participants p ON p.id = b.participant_id
            """)).Where(b => b.Balance != 0 || b.Pending != 0).ToDictionary(b => b.Kind + ":" + b.Id, b => (b.Balance, b.Pending));
        var boards = (await engine.QueryAsync<(string Board, string Member, long Points)>(
            "SELECT board, member_key, points FROM leaderboard_totals WHERE period_key = 'all' AND points <> 0")).ToList();
        Assert.Equal(ledger.OrderBy(kv => kv.Key), balances.OrderBy(kv => kv.Key)); // balance = sum of ledger
        Assert.All(boards.Where(b => b.Board != "teams"), b =>
            Assert.Equal(ledger[(b.Board.StartsWith("agents", StringComparison.Ordinal) ? "agent:" : "customer:") + b.Member].Points, b.Points));
        return ledger.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value.Points}/{kv.Value.Pending}")
            .Concat(boards.OrderBy(b => b.Board + b.Member, StringComparer.Ordinal).Select(b => $"{b.Board}:{b.Member}={b.Points}")).ToList();
    }
}

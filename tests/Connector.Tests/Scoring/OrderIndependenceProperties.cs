using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Badges;
using HelpdeskGamify.Connector.Scoring.Kudos;
using HelpdeskGamify.Connector.Scoring.Maintenance;
using HelpdeskGamify.Connector.Scoring.Quests;
using HelpdeskGamify.Connector.Scoring.Rules;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring;

/// <summary>
/// Through the real worker, release and maintenance passes on SQLite: generated streams where daily caps
/// bind while solves are clawed back, reopens and unhappy ratings land after quests and badges were won,
/// and facts of the last days of a season arrive after the season was first decided. Any permutation and
/// duplication, with passes at arbitrary points, ends in the same ledger per person and category, boards,
/// badges, levels, quest completions and season trophies as scoring the facts once in time order. An agent
/// changes team mid-stream (in the middle of a team quest's week), some tickets carry no group and the moving agent
/// gets kudos before any fact arrives, so team boards (credited by the team of the fact, or as of the entry's time),
/// team quests and the agent's current team are checked too.
/// </summary>
public sealed class OrderIndependenceProperties
{
    // Wednesday evening of the last day of Q3 2026; facts fall on both sides of the season boundary.
    private static readonly DateTimeOffset T0 = new(2026, 9, 30, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = T0.AddHours(31);
    /// <summary>The clock at the end of every game.</summary>
    internal static readonly DateTimeOffset End = T0.AddDays(10);

    /// <summary>The rule set of the generated games.</summary>
    internal static readonly RuleSet Game = DefaultRules.Set with
    {
        Rules = DefaultRules.Set.Rules.Select(r => r.Id == "agent.ticket-solved" ? r with { DailyCap = 25 } : r).ToList(),
        Badges =
        [
            .. DefaultRules.Set.Badges,
            new BadgeDefinition { Id = "few", Name = "Few", Rule = "agent.ticket-solved", Tiers = [new("bronze", 1), new("silver", 2), new("gold", 3)] },
            new BadgeDefinition { Id = "two-a-day", Name = "Two a day", Kind = BadgeKind.Window, Rule = "agent.ticket-solved", WindowDays = 1, Tiers = [new("bronze", 2)] },
            new BadgeDefinition { Id = "two-days", Name = "Two days", Kind = BadgeKind.Streak, Rule = "agent.ticket-solved", Tiers = [new("bronze", 2)] },
            new BadgeDefinition { Id = "fast", Name = "Fast", Kind = BadgeKind.Threshold, Category = "speed", Tiers = [new("bronze", 5), new("silver", 10)] },
        ],
        Quests =
        [
            .. DefaultRules.Set.Quests,
            new QuestDefinition { Id = "two-solves", Name = "Two solves", Steps = [new QuestStep { Rule = "agent.ticket-solved", Target = 2 }], RewardPoints = 20 },
            new QuestDefinition { Id = "team-three", Name = "Team three", Team = true, Steps = [new QuestStep { Rule = "agent.ticket-solved", Target = 3 }], RewardPoints = 5 },
            new QuestDefinition { Id = "chatty", Name = "Chatty", For = RuleTarget.Customer, Recurrence = QuestRecurrence.Day,
                Steps = [new QuestStep { Measure = QuestMeasure.Points, Target = 6 }], RewardPoints = 3 },
        ],
    };

    private static Gen<Func<int, HelpdeskEvent[]>> TicketGen =>
        // a3 (who moves) and a1 (Tier 1 throughout) are the likelier agents, so Tier 1's team quest often depends on a3's old solves.
        from agent in Gen.Elements("a1", "a1", "a2", "a3", "a3")
        from grouped in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from solveHour in Gen.Choose(-40, 30)
        from priority in Gen.Elements("normal", "high", "urgent")
        from fast in ArbMap.Default.GeneratorFor<bool>()
        from reopenAfter in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 100)))
        from resolveAgain in ArbMap.Default.GeneratorFor<bool>()
        from ratingAfter in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 90)))
        from rating in Gen.Elements(SatisfactionRating.Good, SatisfactionRating.Bad, SatisfactionRating.Good)
        select new Func<int, HelpdeskEvent[]>(n => Ticket(n, agent, T0.AddHours(solveHour), priority, fast, reopenAfter, resolveAgain, ratingAfter, rating)
            .Select(e => grouped ? e : e with { Group = null }).ToArray());

    private static HelpdeskEvent[] Ticket(int n, string agent, DateTimeOffset solved, string priority, bool fast, int reopenAfter, bool resolveAgain,
        int ratingAfter, SatisfactionRating rating)
    {
        var id = (500 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var customer = n % 2 == 0 ? "c1" : "c2";
        var facts = new List<HelpdeskEvent>
        {
            Events.Ticket(TicketSolved, id, solved, agent, customer, priority: priority, resolutionSeconds: fast ? 600 : 86_400, group: TeamOf(agent, solved)),
        };
        if (reopenAfter > 0)
        {
            var reopened = solved.AddHours(reopenAfter);
            facts.Add(Events.Ticket(TicketReopened, id, reopened, agent, customer, group: TeamOf(agent, reopened)));
            if (resolveAgain)
            {
                var again = solved.AddHours(reopenAfter + 2);
                facts.Add(Events.Ticket(TicketSolved, id, again, agent, customer, resolutionSeconds: 600, group: TeamOf(agent, again)));
            }
        }
        if (ratingAfter > 0)
        {
            var rated = solved.AddHours(ratingAfter);
            facts.Add(Events.Ticket(SatisfactionRated, id, rated, agent, customer, rating: rating, group: TeamOf(agent, rated)));
        }
        return [.. facts];
    }

    // a3 moves from Tier 1 to Tier 2 at T0, in the middle of the stream; every fact carries the team of its time,
    // so facts of both teams arrive in any order and the later-happened ones must decide a3's current team.
    private static string TeamOf(string agent, DateTimeOffset at) => agent switch
    {
        "a3" => at < T0 ? "Tier 1" : "Tier 2",
        "a2" => "Tier 2",
        _ => "Tier 1",
    };

    private static Gen<Func<int, HelpdeskEvent>> ChatGen =>
        from customer in Gen.Elements("c1", "c2")
        from minutes in Gen.Choose(-600, 300)
        select new Func<int, HelpdeskEvent>(n => Events.Loose(ChatStarted, "chat-" + n, T0.AddMinutes(minutes), customer: customer));

    // One stream in three carries the example of docs/rules.md (a3 solves for Tier 1, moves to Tier 2 in the same team-quest week).
    private static Gen<HelpdeskEvent[]> Streams =>
        from tickets in Gen.Choose(2, 6)
        from chats in Gen.Choose(0, 7)
        from example in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
        from t in Gen.ArrayOf(TicketGen, tickets)
        from c in Gen.ArrayOf(ChatGen, chats)
        select t.SelectMany((make, n) => make(n)).Concat(c.Select((make, n) => make(n))).Concat(example ? Quests.TeamQuestOrderTests.Stream : []).ToArray();

    /// <summary>A generated stream with a delivery schedule.</summary>
    internal static Gen<(HelpdeskEvent[] Stream, int[] Order, bool[] Duplicate, int[] Pass)> Cases =>
        from stream in Streams
        from order in Gen.Shuffle(Enumerable.Range(0, stream.Length).ToArray())
        from dup in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), stream.Length)
        from pass in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Choose(1, 3)), (1, Gen.Constant(4))), stream.Length)
        select (stream, order, dup, pass);

    [Property(MaxTest = 20)]
    public Property Any_order_duplication_and_pass_timing_ends_in_the_same_game() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var inTime = Enumerable.Range(0, c.Stream.Length).OrderBy(i => c.Stream[i].OccurredAt).ThenBy(i => i).ToArray();
            var expected = RunAsync(c.Stream, inTime, new bool[c.Stream.Length], new int[c.Stream.Length]).GetAwaiter().GetResult();
            var actual = RunAsync(c.Stream, c.Order, c.Duplicate, c.Pass).GetAwaiter().GetResult();
            Assert.True(expected.SequenceEqual(actual), Explain(c, expected, actual));
        });

    private static string Explain((HelpdeskEvent[] Stream, int[] Order, bool[] Duplicate, int[] Pass) c, List<string> expected, List<string> actual) =>
        "only in time order: " + string.Join("; ", expected.Except(actual)) + "\nonly in this schedule: " + string.Join("; ", actual.Except(expected)) +
        "\nschedule: " + string.Join(", ", c.Order.Select((o, i) => $"{c.Stream[o].Kind} #{c.Stream[o].TicketId ?? c.Stream[o].ConversationId} {c.Stream[o].AgentId ?? c.Stream[o].CustomerId} " +
            $"{c.Stream[o].OccurredAt:MM-dd HH:mm}{(c.Duplicate[i] ? " x2" : "")}{(c.Pass[i] > 0 ? $" | pass {c.Pass[i]}" : "")}"));

    /// <summary>
    /// Delivers the stream in <paramref name="order"/>; after an event, <paramref name="pass"/> 1–3 scores and releases with the clock
    /// that many hours on, 4 also runs the maintenance pass (so a season can be decided before its last facts arrive).
    /// </summary>
    internal static Task<List<string>> RunAsync(HelpdeskEvent[] stream, int[] order, bool[] duplicate, int[] pass) =>
        RunAsync(stream, order, duplicate, pass, GameStateAsync);

    /// <summary>Plays the schedule, then hands the engine to <paramref name="inspect"/> before it is disposed.</summary>
    internal static async Task<T> RunAsync<T>(HelpdeskEvent[] stream, int[] order, bool[] duplicate, int[] pass, Func<EngineHarness, Task<T>> inspect)
    {
        await using var engine = await EngineHarness.StartAsync(Start);
        await engine.ScalarAsync<long>("INSERT INTO tenants (id, name, platform, settings_protected, widget_origins, created_at_ms, updated_at_ms) VALUES ('acme', 'Acme', 'zendesk', '', '[]', 0, 0); SELECT 1");
        await engine.Get<RuleBook>().ReplaceAsync("acme", Game);
        // Kudos before any fact: a3 is in no team yet, so its team credit must follow the facts as they arrive (team as of then).
        await engine.Get<KudosService>().GiveAsync("acme", "a2", "a3", "first");
        for (var i = 0; i < order.Length; i++)
        {
            var e = stream[order[i]];
            await engine.DeliverAsync("acme", e);
            if (duplicate[i])
            {
                await engine.DeliverAsync("acme", e, naturalKeySuffix: "#resent");
            }
            if (pass[i] > 0)
            {
                engine.Clock.Advance(TimeSpan.FromHours(Math.Min(pass[i], 3)));
                await engine.ScoreAllAsync();
                await engine.ReleaseAsync();
                if (pass[i] == 4)
                {
                    await engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);
                }
            }
        }
        // Well after every quiet window, still inside the season's grace period.
        engine.Clock.SetUtcNow(End);
        await engine.Get<KudosService>().GiveAsync("acme", "a1", "a3", "last");
        await engine.ScoreAllAsync();
        await engine.ReleaseAsync();
        await engine.Get<MaintenancePass>().RunAsync(CancellationToken.None);
        return await inspect(engine);
    }

    /// <summary>Everything a player can see, as sorted lines; also checks that balances equal the ledger.</summary>
    internal static async Task<List<string>> GameStateAsync(EngineHarness engine)
    {
        var ledger = await engine.LedgerTotalsAsync("acme");
        var balances = (await engine.QueryAsync<(string Kind, string Id, long Balance, long Pending)>("""
            SELECT p.kind, p.external_id, b.balance, b.pending FROM participant_balances b JOIN participants p ON p.id = b.participant_id
            """)).Where(b => b.Balance != 0 || b.Pending != 0).ToDictionary(b => b.Kind + ":" + b.Id, b => (b.Balance, b.Pending));
        Assert.Equal(ledger.OrderBy(kv => kv.Key), balances.OrderBy(kv => kv.Key));
        var lines = new List<string>();
        lines.AddRange((await engine.QueryAsync<(string Kind, string Id, string Category, long Points, long Pending)>("""
            SELECT p.kind, p.external_id, l.category, SUM(l.points), SUM(l.pending_points) FROM ledger l JOIN participants p ON p.id = l.participant_id
            GROUP BY p.kind, p.external_id, l.category
            """)).Where(r => r.Points != 0 || r.Pending != 0).Select(r => $"ledger {r.Kind}:{r.Id} {r.Category}={r.Points}/{r.Pending}"));
        lines.AddRange((await engine.QueryAsync<(string Board, string Period, string Member, long Points)>(
            "SELECT board, period_key, member_key, points FROM leaderboard_totals WHERE points <> 0")).Select(r => $"board {r.Board} {r.Period} {r.Member}={r.Points}"));
        lines.AddRange((await engine.QueryAsync<(string Id, string? Team)>("SELECT external_id, team FROM participants WHERE kind = 'agent'"))
            .Select(r => $"team agent:{r.Id}={r.Team}"));
        lines.AddRange((await engine.QueryAsync<(string Kind, string Id, string Badge, string Tier)>("""
            SELECT p.kind, p.external_id, b.badge_id, b.tier FROM participant_badges b JOIN participants p ON p.id = b.participant_id
            """)).Select(r => $"badge {r.Kind}:{r.Id} {r.Badge}/{r.Tier}"));
        lines.AddRange((await engine.QueryAsync<(string Kind, string Id, long Level)>("""
            SELECT p.kind, p.external_id, b.level_index FROM participant_balances b JOIN participants p ON p.id = b.participant_id
            """)).Where(r => r.Level != 0).Select(r => $"level {r.Kind}:{r.Id}={r.Level}"));
        lines.AddRange((await engine.QueryAsync<(string Kind, string Id, string Quest)>("""
            SELECT p.kind, p.external_id, q.quest_key FROM quest_completions q JOIN participants p ON p.id = q.participant_id
            """)).Select(r => $"quest {r.Kind}:{r.Id} {r.Quest}"));
        lines.AddRange((await engine.QueryAsync<(string Season, string Trophy, string Winner, long Points)>(
            "SELECT season_key, trophy, participant_external_id, points FROM season_trophies WHERE trophy <> '(checked)'")).Select(r => $"trophy {r.Season} {r.Trophy}={r.Winner}:{r.Points}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

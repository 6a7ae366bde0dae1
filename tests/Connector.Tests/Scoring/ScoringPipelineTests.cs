using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Review;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring;

public sealed class ScoringPipelineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(T0.AddMinutes(5));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private Task<IReadOnlyList<(string Kind, long Points, long Pending, string Reason)>> LedgerOf(string agent) =>
        _engine.QueryAsync<(string Kind, long Points, long Pending, string Reason)>("""
            SELECT l.entry_kind, l.points, l.pending_points, l.reason FROM ledger l JOIN participants p ON p.id = l.participant_id
            WHERE p.external_id = @Agent AND p.kind = 'agent' ORDER BY l.id
            """, new { Agent = agent });

    private async Task<(long Balance, long Pending)> BalanceOf(string agent) =>
        (await _engine.QueryAsync<(long, long)>("SELECT b.balance, b.pending FROM participant_balances b JOIN participants p ON p.id = b.participant_id WHERE p.external_id = @Agent AND p.kind = 'agent'",
            new { Agent = agent })).Single();

    [Fact]
    public async Task Solve_is_pending_then_a_good_rating_releases_it_in_the_ledger()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", T0));
        await _engine.ScoreAllAsync();
        Assert.Equal((0, 10), await BalanceOf("a1"));

        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "1", T0.AddMinutes(3), rating: SatisfactionRating.Good));
        await _engine.ScoreAllAsync();

        var ledger = await LedgerOf("a1");
        Assert.Equal(["pending", "release", "award"], ledger.Select(l => l.Kind));
        Assert.Equal((25, 0), await BalanceOf("a1"));
        Assert.Equal((25, 0), (await _engine.LedgerTotalsAsync("acme"))["agent:a1"]);
        Assert.Contains("released: customer rated good", ledger[1].Reason);
    }

    [Fact]
    public async Task Release_pass_settles_pending_points_after_the_quiet_window()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", T0));
        await _engine.ScoreAllAsync();
        await _engine.ReleaseAsync();
        Assert.Equal((0, 10), await BalanceOf("a1"));

        _engine.Clock.Advance(TimeSpan.FromHours(73));
        await _engine.ReleaseAsync();

        Assert.Equal((10, 0), await BalanceOf("a1"));
        Assert.Equal("release", (await LedgerOf("a1"))[^1].Kind);
        Assert.Equal(10, await _engine.ScalarAsync<long>("SELECT points FROM leaderboard_totals WHERE board = 'agents' AND period_key = 'all' AND member_key = 'a1'"));
        Assert.Equal(0, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM tickets WHERE settle_due_ms IS NOT NULL"));
    }

    [Fact]
    public async Task Reopen_within_the_window_claws_back_and_a_late_bad_rating_becomes_a_penalty()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", T0));
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "2", T0));
        await _engine.ScoreAllAsync();
        await _engine.DeliverAsync("acme", Events.Ticket(TicketReopened, "1", T0.AddHours(1)));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "2", T0.AddHours(1), rating: SatisfactionRating.Bad));
        await _engine.ScoreAllAsync();

        var ledger = await LedgerOf("a1");
        Assert.Equal(2, ledger.Count(l => l.Kind == "clawback"));
        Assert.Contains(ledger, l => l.Kind == "penalty" && l.Points == -10);
        Assert.Equal((-10, 0), await BalanceOf("a1"));
    }

    [Fact]
    public async Task Rescoring_already_processed_rows_writes_nothing_new()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", T0));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "1", T0.AddMinutes(1), rating: SatisfactionRating.Good));
        await _engine.DeliverAsync("acme", Events.Loose(ReviewCompleted, "r1", T0));
        await _engine.ScoreAllAsync();
        var before = await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM ledger");

        await _engine.ScalarAsync<long>("UPDATE inbox SET status = 0; SELECT changes()");
        await _engine.ScoreAllAsync();
        // The same facts resent under new natural-key spellings reach the scorer too, and still change nothing.
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", T0), naturalKeySuffix: "#again");
        await _engine.DeliverAsync("acme", Events.Loose(ReviewCompleted, "r1", T0), naturalKeySuffix: "#again");
        await _engine.ScoreAllAsync();

        Assert.Equal(before, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM ledger"));
        Assert.Equal((25, 0), await BalanceOf("a1"));
    }

    [Fact]
    public async Task Many_tickets_from_one_requester_in_a_short_time_are_flagged_for_review()
    {
        for (var i = 0; i < 4; i++)
        {
            await _engine.DeliverAsync("acme", Events.Ticket(TicketCreated, "s" + i, T0.AddMinutes(i * 5), customer: "c9"));
        }
        await _engine.DeliverAsync("acme", Events.Ticket(TicketCreated, "other", T0, customer: "c8"));
        await _engine.ScoreAllAsync();

        var flags = await _engine.Get<ReviewFlagStore>().ListAsync("acme", null);
        var flag = Assert.Single(flags);
        Assert.Equal(ReviewFlagKinds.TicketSplitting, flag.FlagKind);
        Assert.Contains("c9", flag.Detail);
        Assert.Empty(await _engine.Get<ReviewFlagStore>().ListAsync("other-tenant", null));
        Assert.True(await _engine.Get<ReviewFlagStore>().ResolveAsync("acme", flag.Id, ReviewStatuses.Approved, "fine"));
        Assert.Equal(ReviewStatuses.Approved, (await _engine.Get<ReviewFlagStore>().ListAsync("acme", null)).Single().Status);
    }

    [Fact]
    public async Task Daily_cap_limits_points_per_person_per_day()
    {
        for (var i = 0; i < 5; i++)
        {
            await _engine.DeliverAsync("acme", Events.Loose(ChatStarted, "chat" + i, T0.AddMinutes(i)));
        }
        await _engine.DeliverAsync("acme", Events.Loose(ChatStarted, "next-day", T0.AddDays(1)));
        await _engine.ScoreAllAsync();

        Assert.Equal((12L, 0L), (await _engine.LedgerTotalsAsync("acme"))["customer:c1"]); // 10 capped on day one, 2 the next
    }

    [Fact]
    public async Task Badges_levels_and_quests_move_and_are_published_after_commit()
    {
        for (var i = 0; i < 12; i++)
        {
            await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "b" + i, T0.AddMinutes(i), priority: "urgent", resolutionSeconds: 600));
            await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "b" + i, T0.AddMinutes(i + 1), rating: SatisfactionRating.Good));
        }
        await _engine.ScoreAllAsync();

        var outcomes = _engine.Notifier.Outcomes;
        var badges = outcomes.SelectMany(o => o.Badges).Select(b => b.BadgeId + "/" + b.Tier).ToList();
        Assert.Contains("first-solve/", badges);
        Assert.Contains("solver/bronze", badges);
        Assert.Contains("busy-day/silver", badges);
        Assert.Contains("crowd-pleaser/bronze", badges);
        Assert.Equal(badges.Count, badges.Distinct().Count());
        Assert.Contains(outcomes.SelectMany(o => o.Levels), l => l.ParticipantId == "a1" && l.Direction == "up" && l.Level.Name == "Professional");
        Assert.Contains(outcomes.SelectMany(o => o.Quests), q => q.Quest.Id == "quality-week" && q.Quest.Completed);
        var totals = await _engine.LedgerTotalsAsync("acme");
        // 12 × (20 solve + 5 fast + 15 good rating) + 25 beat-your-week + 30 quality-week quest rewards.
        Assert.Equal((12 * 40) + 25 + 30, totals["agent:a1"].Points);
        Assert.Equal(2, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM quest_completions"));
    }
}

public sealed class TeamQuestTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(T0.AddHours(1));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Team_quest_sums_the_team_and_rewards_every_member_once()
    {
        var rules = HelpdeskGamify.Connector.Scoring.Rules.DefaultRules.Set with
        {
            Quests = [new HelpdeskGamify.Connector.Scoring.Quests.QuestDefinition { Id = "team-3", Name = "Team of three", Team = true,
                Steps = [new HelpdeskGamify.Connector.Scoring.Quests.QuestStep { Rule = "agent.ticket-solved", Target = 3 }], RewardPoints = 7 }],
        };
        await _engine.Get<HelpdeskGamify.Connector.Scoring.Rules.RuleBook>().ReplaceAsync("acme", rules);
        foreach (var (ticket, agent, group) in new[] { ("1", "a1", "Tier 1"), ("2", "a1", "Tier 1"), ("3", "a3", "Tier 2"), ("4", "a2", "Tier 1") })
        {
            await _engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.TicketSolved, ticket, T0, agent: agent, group: group));
            await _engine.DeliverAsync("acme", Events.Ticket(HelpdeskEventKind.SatisfactionRated, ticket, T0.AddMinutes(1), agent: agent, group: group, rating: SatisfactionRating.Neutral));
            await _engine.ScoreAllAsync();
        }
        await _engine.ScoreAllAsync();

        var rewards = await _engine.QueryAsync<string>("SELECT p.external_id FROM ledger l JOIN participants p ON p.id = l.participant_id WHERE l.rule_id = 'quest:team-3' ORDER BY 1");
        Assert.Equal(["a1", "a2"], rewards);
    }
}

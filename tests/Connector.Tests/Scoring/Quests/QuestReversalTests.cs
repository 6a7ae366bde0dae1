using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Quests;
using HelpdeskGamify.Connector.Scoring.Rules;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring.Quests;

public sealed class QuestReversalTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(Monday.AddDays(1));
        await _engine.Get<RuleBook>().ReplaceAsync("acme", DefaultRules.Set with
        {
            Quests = [new QuestDefinition { Id = "two", Name = "Two solves", Steps = [new QuestStep { Rule = "agent.ticket-solved", Target = 2 }], RewardPoints = 20 }],
            Badges = DefaultRules.Set.Badges.Where(b => b.Id == "first-solve").ToList(),
        });
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_late_reopen_reverses_the_quest_reward_and_a_new_solve_pays_it_again_when_it_happened()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", Monday));
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "2", Monday.AddHours(2)));
        _engine.Clock.Advance(TimeSpan.FromHours(73));
        await _engine.ScoreAllAsync();
        await _engine.ReleaseAsync();
        Assert.Equal(20, await RewardAsync());
        Assert.Equal(Monday.AddHours(2).ToUnixTimeMilliseconds(), await _engine.ScalarAsync<long>("SELECT occurred_at_ms FROM ledger WHERE rule_id = 'quest:two'"));

        // Reopened within the pending window, delivered after the release.
        await _engine.DeliverAsync("acme", Events.Ticket(TicketReopened, "2", Monday.AddHours(5)));
        await _engine.ScoreAllAsync();
        Assert.Equal(0, await RewardAsync());
        Assert.Contains("no longer complete", await _engine.ScalarAsync<string>("SELECT reason FROM ledger WHERE rule_id = 'quest:two' AND points < 0"));
        Assert.Equal(0, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM quest_completions"));
        Assert.Equal(1, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM participant_badges WHERE badge_id = 'first-solve'"));

        // A solve of Wednesday delivered late completes the same week's quest again, dated Wednesday.
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "3", Monday.AddDays(2)));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "3", Monday.AddDays(2).AddHours(1), rating: SatisfactionRating.Good));
        await _engine.ScoreAllAsync();
        Assert.Equal(20, await RewardAsync());
        Assert.Equal(Monday.AddDays(2).ToUnixTimeMilliseconds(), await _engine.ScalarAsync<long>("SELECT occurred_at_ms FROM ledger WHERE rule_id = 'quest:two' AND points > 0 ORDER BY id DESC LIMIT 1"));
        Assert.Equal(1, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM quest_completions"));
    }

    [Fact]
    public async Task A_reward_taken_back_to_zero_is_paid_again_under_the_same_key_when_the_quest_completes_again_at_the_same_time()
    {
        var completed = Monday.AddHours(2).ToUnixTimeMilliseconds();
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", Monday));
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "2", Monday.AddHours(2)));
        _engine.Clock.Advance(TimeSpan.FromHours(73));
        await _engine.ScoreAllAsync();
        await _engine.ReleaseAsync();
        Assert.Equal(20, await RewardAsync());

        // Ticket 1's solve is taken back: the reward is clawed back, its unit left with no net points under its key.
        await _engine.DeliverAsync("acme", Events.Ticket(TicketReopened, "1", Monday.AddHours(5)));
        await _engine.ScoreAllAsync();
        Assert.Equal(0, await RewardAsync());
        Assert.Equal(1, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM activity_units WHERE rule_id = 'quest:two' AND points = 0"));

        // A solve of Monday 10:00 delivered late: two solves again by 11:00, the same completion time, so the same key is paid again.
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "3", Monday.AddHours(1)));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "3", Monday.AddHours(1.5), rating: SatisfactionRating.Good));
        await _engine.ScoreAllAsync();

        var entries = await _engine.QueryAsync<(string AwardKey, long OccurredAtMs, long Points)>(
            "SELECT award_key AS AwardKey, occurred_at_ms AS OccurredAtMs, points AS Points FROM ledger WHERE rule_id = 'quest:two' ORDER BY id");
        Assert.Equal([20L, -20L, 20L], entries.Select(e => e.Points));
        Assert.Single(entries.Select(e => e.AwardKey).Distinct());
        Assert.All(entries, e => Assert.Equal(completed, e.OccurredAtMs));
        Assert.EndsWith($"@{completed}", entries[0].AwardKey, StringComparison.Ordinal);
        Assert.Equal(1, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM quest_completions"));
        Assert.Equal(20, await _engine.ScalarAsync<long>("SELECT points FROM activity_units WHERE rule_id = 'quest:two'"));
    }

    [Fact]
    public async Task A_pending_solve_inside_the_quest_week_does_not_count_until_it_is_released()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", Monday));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "1", Monday.AddHours(1), rating: SatisfactionRating.Good));
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "2", Monday.AddHours(2)));
        await _engine.ScoreAllAsync();

        // One settled solve and one pending (a unit with no settled points) in the week: one of two, not complete.
        Assert.Equal(1, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM activity_units WHERE rule_id = 'agent.ticket-solved' AND points = 0 AND pending > 0"));
        Assert.Equal(0, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM ledger WHERE rule_id = 'quest:two'"));
        Assert.Equal(0, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM quest_completions"));

        // A later solve settles first: still one settled solve before 12:00, so the quest completes at 12:00, not at the pending one.
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "3", Monday.AddHours(3)));
        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "3", Monday.AddHours(4), rating: SatisfactionRating.Good));
        await _engine.ScoreAllAsync();
        Assert.Equal(Monday.AddHours(3).ToUnixTimeMilliseconds(), await _engine.ScalarAsync<long>("SELECT occurred_at_ms FROM ledger WHERE rule_id = 'quest:two'"));

        // Once the pending solve is released the completion moves to it.
        _engine.Clock.Advance(TimeSpan.FromHours(73));
        await _engine.ReleaseAsync();
        Assert.Equal(20, await RewardAsync());
        Assert.Equal(Monday.AddHours(2).ToUnixTimeMilliseconds(),
            await _engine.ScalarAsync<long>("SELECT occurred_at_ms FROM ledger WHERE rule_id = 'quest:two' AND points > 0 ORDER BY id DESC LIMIT 1"));
        Assert.Equal(1, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM quest_completions"));
    }

    [Fact]
    public async Task A_badge_tier_goes_when_the_only_award_behind_it_is_taken_back()
    {
        await _engine.DeliverAsync("acme", Events.Ticket(TicketSolved, "1", Monday));
        _engine.Clock.Advance(TimeSpan.FromHours(73));
        await _engine.ScoreAllAsync();
        await _engine.ReleaseAsync();
        Assert.Equal(1, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM participant_badges WHERE badge_id = 'first-solve'"));

        await _engine.DeliverAsync("acme", Events.Ticket(SatisfactionRated, "1", Monday.AddHours(3), rating: SatisfactionRating.Bad));
        await _engine.ScoreAllAsync();

        Assert.Equal(0, await _engine.ScalarAsync<long>("SELECT COUNT(*) FROM participant_badges WHERE badge_id = 'first-solve'"));
    }

    private Task<long> RewardAsync() => _engine.ScalarAsync<long>("SELECT COALESCE(SUM(points), 0) FROM ledger WHERE rule_id = 'quest:two'");
}

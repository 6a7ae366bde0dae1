using HelpdeskGamify.Connector.Scoring.Badges;
using HelpdeskGamify.Connector.Scoring.Levels;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Quests;
using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.Connector.Tests.Scoring.Progress;

public sealed class ProgressEvaluatorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    private static Activity Solve(DateTimeOffset at, long points = 10) => new("agent.ticket-solved", "productivity", at.ToUnixTimeMilliseconds(), points);

    [Fact]
    public void Streak_counts_consecutive_days_and_ignores_clawed_back_awards()
    {
        var badge = DefaultRules.Set.Badges.Single(b => b.Id == "on-a-roll");
        var activity = new[] { Solve(Monday), Solve(Monday.AddDays(1)), Solve(Monday.AddDays(2), points: 0), Solve(Monday.AddDays(3)), Solve(Monday.AddDays(4)), Solve(Monday.AddDays(5)) };

        Assert.Equal(3, BadgeEvaluator.Measure(badge, activity));
        Assert.Equal(["bronze"], BadgeEvaluator.Reached(badge, activity).Select(t => t.Tier));
    }

    [Fact]
    public void Window_badge_takes_the_busiest_window_whatever_the_order()
    {
        var badge = new BadgeDefinition { Id = "w", Name = "W", Kind = BadgeKind.Window, Rule = "agent.ticket-solved", WindowDays = 1, Tiers = [new("bronze", 3)] };
        var activity = new[] { Solve(Monday.AddHours(30)), Solve(Monday), Solve(Monday.AddHours(20)), Solve(Monday.AddHours(23)), Solve(Monday.AddHours(50)) };

        Assert.Equal(3, BadgeEvaluator.Measure(badge, activity));
        Assert.Equal(3, BadgeEvaluator.Measure(badge, activity.Reverse().ToList()));
    }

    [Fact]
    public void Personal_best_quest_targets_one_more_than_the_four_week_average()
    {
        var quest = DefaultRules.Set.Quests.Single(q => q.Id == "beat-your-week");
        var history = Enumerable.Range(1, 4).SelectMany(w => Enumerable.Range(0, 6).Select(i => Solve(Monday.AddDays((-7 * w) + 1).AddHours(i)))).ToList();
        var thisWeek = Enumerable.Range(0, 7).Select(i => Solve(Monday.AddDays(1).AddHours(i))).ToList();

        var status = QuestEvaluator.Evaluate(quest, history.Concat(thisWeek.Take(5)).ToList(), Monday.AddDays(2))!;
        Assert.Equal((5L, 7L, false), (status.Progress, status.Target, status.Completed));
        Assert.Equal(Monday.AddDays(7), status.EndsAt);
        Assert.True(QuestEvaluator.Evaluate(quest, history.Concat(thisWeek).ToList(), Monday.AddDays(2))!.Completed);
        Assert.Equal("beat-your-week:w:2026-W47", status.Key);
    }

    [Fact]
    public void One_off_quest_runs_only_inside_its_dates()
    {
        var quest = new QuestDefinition { Id = "launch", Name = "Launch", Recurrence = QuestRecurrence.Once, StartsAt = Monday, EndsAt = Monday.AddDays(3),
            Steps = [new QuestStep { Rule = "agent.ticket-solved", Target = 1 }] };

        Assert.Null(QuestEvaluator.Evaluate(quest, [], Monday.AddDays(3)));
        Assert.True(QuestEvaluator.Evaluate(quest, [Solve(Monday.AddDays(1))], Monday.AddDays(2))!.Completed);
    }

    [Fact]
    public void Level_standing_names_the_next_level_and_customer_tiers_can_fall_with_a_window()
    {
        Assert.Equal(new LevelStanding(1, "Intermediate", 200, 150, "Professional", 500), LevelStanding.On(DefaultRules.Set.Levels.Agent, 200));
        Assert.Equal(new LevelStanding(5, "Guru", 20000, 10000, null, null), LevelStanding.On(DefaultRules.Set.Levels.Agent, 20000));

        var windowed = DefaultRules.Set with { Levels = DefaultRules.Set.Levels with { CustomerWindowDays = 30 } };
        var old = new Activity("customer.review", "engagement", Monday.AddDays(-60).ToUnixTimeMilliseconds(), 500);
        Assert.Equal("Gold", ProgressTracker.Standing(DefaultRules.Set, "customer", 500, [old], Monday).Name);
        Assert.Equal("Bronze", ProgressTracker.Standing(windowed, "customer", 500, [old], Monday).Name);
    }
}

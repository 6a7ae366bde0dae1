using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Quests;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Tests.Scoring;

namespace HelpdeskGamify.Connector.Tests.Participants;

/// <summary>
/// A person's view reads only the activity its running quests (with their personal-best baselines) can see, not the whole history:
/// what it shows must equal the quests measured over everything.
/// </summary>
public sealed class ParticipantSummaryQuestTests
{
    // A Wednesday; the running week started on Monday the 21st.
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-23T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Quests_shown_equal_the_quests_measured_over_the_whole_history()
    {
        await using var engine = await EngineHarness.StartAsync(Now);
        await engine.Get<RuleBook>().ReplaceAsync("acme", DefaultRules.Set with { Pending = new PendingPolicy { WindowHours = 0 } });
        // a1 solved 2, 3, 5 and 6 tickets in the four weeks before this one (baseline 4, so the target is 5), 4 this week, and 9 long
        // ago (outside every window); a team mate solved 6 this week for the team quest.
        var n = 0;
        foreach (var (weeksAgo, solves, agent) in new[] { (26, 9, "a1"), (4, 2, "a1"), (3, 3, "a1"), (2, 5, "a1"), (1, 6, "a1"), (0, 4, "a1"), (0, 6, "a2") })
        {
            for (var i = 0; i < solves; i++)
            {
                var at = Now.AddDays(-7 * weeksAgo).AddHours(-(i + 1));
                await engine.DeliverAsync("acme", Scoring.Events.Ticket(HelpdeskEventKind.TicketSolved, "t" + n++, at, agent: agent, customer: "c" + n, group: "Tier 1"));
            }
        }
        await engine.ScoreAllAsync();

        var summary = (await engine.Get<ParticipantSummaryReader>().ReadAsync("acme", ParticipantKinds.Agent, "a1"))!;

        var all = await engine.QueryAsync<(string RuleId, string Category, long OccurredAtMs, long Points, string? Team)>(
            "SELECT u.rule_id, u.category, u.occurred_at_ms, u.points, u.team FROM activity_units u JOIN participants p ON p.id = u.participant_id WHERE p.external_id = 'a1' OR u.team = 'Tier 1'");
        var mine = await engine.QueryAsync<(string RuleId, string Category, long OccurredAtMs, long Points)>(
            "SELECT u.rule_id, u.category, u.occurred_at_ms, u.points FROM activity_units u JOIN participants p ON p.id = u.participant_id WHERE p.external_id = 'a1'");
        var team = all.Where(u => u.Team == "Tier 1").Select(u => new Activity(u.RuleId, u.Category, u.OccurredAtMs, u.Points)).ToList();
        var own = mine.Select(u => new Activity(u.RuleId, u.Category, u.OccurredAtMs, u.Points)).ToList();
        Assert.Contains(own, a => a.OccurredAtMs < Now.AddDays(-7 * 20).ToUnixTimeMilliseconds());
        foreach (var quest in DefaultRules.Set.Quests.Where(q => q.For == RuleTarget.Agent))
        {
            var expected = QuestEvaluator.Evaluate(quest, quest.Team ? team : own, Now)!;
            var shown = Assert.Single(summary.Quests, q => q.Id == quest.Id);
            Assert.Equal((expected.Progress, expected.Target), (shown.Progress, shown.Target));
        }
        var beat = Assert.Single(summary.Quests, q => q.Id == "beat-your-week");
        Assert.Equal((4, 5), (beat.Progress, beat.Target));
        Assert.Equal(10, Assert.Single(summary.Quests, q => q.Id == "team-week").Progress);
    }
}

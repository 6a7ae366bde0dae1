using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.Connector.Tests.Scoring;

public sealed class RuleEvaluatorTests
{
    private static HelpdeskEvent Event(HelpdeskEventKind kind, string? priority = null, SatisfactionRating rating = SatisfactionRating.None, long? resolution = null) => new()
    {
        Source = "zendesk", Kind = kind, OccurredAt = DateTimeOffset.UnixEpoch, TicketId = "42",
        AgentId = "a1", AgentName = "Ingrid", CustomerId = "c1", CustomerName = "Kari", Priority = priority, Rating = rating,
        ResolutionSeconds = resolution, Group = "Tier 1",
    };

    [Theory]
    [InlineData(null, 10)]
    [InlineData("normal", 10)]
    [InlineData("high", 15)]
    [InlineData("urgent", 20)]
    public void Solved_ticket_gives_the_agent_points_weighted_by_priority(string? priority, int expected)
    {
        var award = Assert.Single(RuleEvaluator.Evaluate(Event(HelpdeskEventKind.TicketSolved, priority), DefaultRules.Set));
        Assert.Equal(ParticipantKinds.Agent, award.ParticipantKind);
        Assert.Equal("a1", award.ParticipantId);
        Assert.Equal(expected, award.Points);
        Assert.Equal("Solved ticket #42", award.Reason);
        Assert.Equal("Tier 1", award.Team);
    }

    [Fact]
    public void Fast_resolution_adds_speed_points()
    {
        var awards = RuleEvaluator.Evaluate(Event(HelpdeskEventKind.TicketSolved, resolution: 3600), DefaultRules.Set);
        Assert.Contains(awards, a => a.Category == "speed" && a.Points == 5);
        Assert.DoesNotContain(RuleEvaluator.Evaluate(Event(HelpdeskEventKind.TicketSolved, resolution: 5 * 3600), DefaultRules.Set), a => a.Category == "speed");
    }

    [Fact]
    public void Good_rating_rewards_the_agent_and_the_customer_who_rated()
    {
        var awards = RuleEvaluator.Evaluate(Event(HelpdeskEventKind.SatisfactionRated, rating: SatisfactionRating.Good), DefaultRules.Set);
        Assert.Contains(awards, a => a.ParticipantKind == ParticipantKinds.Agent && a.Category == "quality" && a.Points == 15);
        Assert.Contains(awards, a => a.ParticipantKind == ParticipantKinds.Customer && a.ParticipantId == "c1" && a.Points == 5);
    }

    [Fact]
    public void Bad_rating_gives_the_agent_a_quality_penalty_and_still_thanks_the_customer()
    {
        var awards = RuleEvaluator.Evaluate(Event(HelpdeskEventKind.SatisfactionRated, rating: SatisfactionRating.Bad), DefaultRules.Set);
        Assert.Contains(awards, a => a.ParticipantKind == ParticipantKinds.Agent && a.Category == "quality" && a.Points == -10);
        Assert.Contains(awards, a => a.ParticipantKind == ParticipantKinds.Customer && a.Points == 5);
    }

    [Fact]
    public void Unassigned_solve_awards_nobody()
    {
        Assert.Empty(RuleEvaluator.Evaluate(Event(HelpdeskEventKind.TicketSolved) with { AgentId = null }, DefaultRules.Set));
    }
}

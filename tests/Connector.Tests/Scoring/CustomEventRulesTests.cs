using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.Connector.Tests.Scoring;

public sealed class CustomEventRulesTests
{
    private static HelpdeskEvent Custom(string type, string? attributes = null) => new()
    {
        Source = "api", Kind = HelpdeskGamify.Connector.CustomEvents.CustomEventParser.KindOf(type), OccurredAt = DateTimeOffset.UnixEpoch, CustomerId = "c1", EventType = type,
        Attributes = attributes is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(attributes),
    };

    [Theory]
    [InlineData("review.posted", 20)]
    [InlineData("survey.completed", 10)]
    [InlineData("visit.completed", 5)]
    [InlineData("referral.converted", 50)]
    [InlineData("profile.completed", 10)]
    [InlineData("workshop.attended", 0)]
    public void Built_in_types_give_the_customer_engagement_points(string type, int expected)
    {
        var awards = RuleEvaluator.Evaluate(Custom(type), DefaultRules.Set);
        Assert.Equal(expected, awards.Sum(a => a.Points));
        Assert.All(awards, a => Assert.Equal(("customer", "c1", "engagement"), (a.ParticipantKind, a.ParticipantId, a.Category)));
    }

    [Theory]
    [InlineData("""{"amount": 99.99}""", 10)]
    [InlineData("""{"amount": 100}""", 35)]
    [InlineData("""{"amount": "250"}""", 35)]
    public void Purchases_of_100_or_more_earn_a_bonus(string attributes, int expected) =>
        Assert.Equal(expected, RuleEvaluator.Evaluate(Custom("purchase.completed", attributes), DefaultRules.Set).Sum(a => a.Points));

    [Theory]
    [InlineData("""{"channel": "store", "score": 9}""", true)]
    [InlineData("""{"channel": "web", "score": 9}""", false)]
    [InlineData("""{"channel": "store", "score": 11}""", false)]
    [InlineData("""{"channel": "store"}""", false)]
    [InlineData("""{"channel": "store", "score": "x"}""", false)]
    public void Attribute_conditions_check_equality_and_range(string attributes, bool matches)
    {
        var rule = new Rule
        {
            Id = "t", On = HelpdeskEventKind.CustomEvent, Award = RuleTarget.Customer, Points = 7, Category = "engagement", Reason = "r",
            When = new RuleConditions
            {
                EventTypes = ["feedback.given"],
                Attributes = [new AttributeCondition { Name = "channel", EqualTo = "store" }, new AttributeCondition { Name = "score", Min = 8, Max = 10 }],
            },
        };
        Assert.Equal(matches, RuleEvaluator.Evaluate(Custom("feedback.given", attributes), new RuleSet { Version = 1, Rules = [rule] }).Count == 1);
        Assert.Empty(RuleEvaluator.Evaluate(Custom("visit.completed", attributes), new RuleSet { Version = 1, Rules = [rule] }));
    }

    [Fact]
    public void Custom_events_survive_the_inbox_round_trip()
    {
        var e = Custom("purchase.completed", """{"amount": 120.5, "vip": true}""");
        var back = EventJson.Deserialize(EventJson.Serialize(e));
        Assert.Equal("purchase.completed", back.EventType);
        Assert.Equal(120.5, back.Attributes!["amount"].GetDouble());
        Assert.Equal(35, RuleEvaluator.Evaluate(back, DefaultRules.Set).Sum(a => a.Points));
    }
}

using System.Text.Json;
using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.Connector.Tests.Scoring.Rules;

public sealed class RuleSetValidatorTests
{
    [Fact]
    public void Default_rules_are_valid_and_survive_a_json_round_trip()
    {
        Assert.Empty(RuleSetValidator.Validate(DefaultRules.Set));
        var again = RuleJson.Deserialize(RuleJson.Serialize(DefaultRules.Set));
        Assert.Equal(RuleJson.Serialize(DefaultRules.Set), RuleJson.Serialize(again));
        Assert.Empty(RuleSetValidator.Validate(again));
    }

    [Fact]
    public void Errors_name_the_rule_and_the_field()
    {
        var json = """
            {"rules": [
              {"id": "agent.solve", "on": "ticketSolved", "points": 10, "category": "speediness", "reason": "Solved"},
              {"id": "agent.solve", "on": "ticketSolved", "points": 0, "category": "speed", "reason": ""}
            ],
            "badges": [{"id": "b", "name": "B", "rule": "nope", "tiers": [{"tier": "gold", "target": 5}, {"tier": "bronze", "target": 1}]}]}
            """;

        var errors = RuleSetValidator.Validate(RuleJson.Deserialize(json));

        Assert.Contains("Rule 'agent.solve'", errors["rules[agent.solve].category"].Single());
        Assert.Contains("defined twice", errors["rules[agent.solve].id"].Single());
        Assert.Single(errors["rules[agent.solve].points"]);
        Assert.Single(errors["rules[agent.solve].reason"]);
        Assert.Single(errors["badges[b].rule"]);
        Assert.Single(errors["badges[b].tiers"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_quest_step_with_a_target_below_one_is_refused(long target)
    {
        var quest = DefaultRules.Set.Quests[1];
        var set = DefaultRules.Set with
        {
            Quests = [.. DefaultRules.Set.Quests.Where(q => q.Id != quest.Id), quest with { Steps = [quest.Steps[0], quest.Steps[1] with { Target = target }] }],
        };

        var errors = RuleSetValidator.Validate(set);

        Assert.Equal([$"quests[{quest.Id}].steps.target"], errors.Keys);
        Assert.Contains($"Quest '{quest.Id}'", errors[$"quests[{quest.Id}].steps.target"].Single(), StringComparison.Ordinal);
        Assert.Empty(RuleSetValidator.Validate(set with { Quests = [.. set.Quests.SkipLast(1), quest with { Steps = [quest.Steps[0], quest.Steps[1] with { Target = 1 }] }] }));
    }

    [Fact]
    public void Unknown_fields_and_event_kinds_are_refused_with_their_path()
    {
        var unknownField = Assert.Throws<JsonException>(() => RuleJson.Deserialize("""{"rules": [{"id": "x", "on": "ticketSolved", "pointz": 1}]}"""));
        var unknownKind = Assert.Throws<JsonException>(() => RuleJson.Deserialize("""{"rules": [{"id": "x", "on": "ticketExploded", "points": 1, "category": "speed", "reason": "r"}]}"""));

        Assert.Contains("pointz", unknownField.Message);
        Assert.Equal("$.rules[0].on", unknownKind.Path);
    }
}

using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>The default customer rules for the built-in custom event types of the events API.</summary>
public static class CustomEventRules
{
    /// <summary>Visit +5, referral +50, profile +10, purchase +10 and +25 more from 100 (reviews and surveys are core rules).</summary>
    public static IReadOnlyList<Rule> Defaults { get; } =
    [
        // review.posted and survey.completed arrive as ReviewCompleted and SurveyCompleted (see
        // CustomEventParser.KindOf) and are scored by the engine's customer.review and customer.survey rules.
        Customer("customer.visit-completed", "visit.completed", 5, "Visited us"),
        Customer("customer.referral-converted", "referral.converted", 50, "Referred a new customer"),
        Customer("customer.profile-completed", "profile.completed", 10, "Completed your profile"),
        Customer("customer.purchase-completed", "purchase.completed", 10, "Made a purchase"),
        Customer("customer.large-purchase", "purchase.completed", 25, "Made a purchase of 100 or more") with
        {
            When = new RuleConditions { EventTypes = ["purchase.completed"], Attributes = [new AttributeCondition { Name = "amount", Min = 100 }] },
        },
    ];

    private static Rule Customer(string id, string eventType, int points, string reason) => new()
    {
        Id = id,
        On = HelpdeskEventKind.CustomEvent,
        Award = RuleTarget.Customer,
        Points = points,
        Category = "engagement",
        Reason = reason,
        When = new RuleConditions { EventTypes = [eventType] },
    };
}

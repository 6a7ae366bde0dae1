using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Badges;
using HelpdeskGamify.Connector.Scoring.Levels;
using HelpdeskGamify.Connector.Scoring.Quests;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>The game every tenant starts with: solving well and fast, happy customers, customers who give feedback.</summary>
public static class DefaultRules
{
    private static readonly Dictionary<string, double> Difficulty = new(StringComparer.Ordinal)
    {
        ["urgent"] = 2.0,
        ["high"] = 1.5,
    };

    /// <summary>The default rule set.</summary>
    public static RuleSet Set { get; } = new()
    {
        Version = 1,
        Rules =
        [
            new Rule { Id = "agent.ticket-solved", On = HelpdeskEventKind.TicketSolved, Points = 10, Category = "productivity",
                Reason = "Solved ticket #{ticket}", PriorityMultipliers = Difficulty },
            new Rule { Id = "agent.fast-resolution", On = HelpdeskEventKind.TicketSolved, Points = 5, Category = "speed",
                Reason = "Solved ticket #{ticket} within four hours", When = new RuleConditions { MaxResolutionSeconds = 4 * 3600 } },
            new Rule { Id = "agent.first-contact", On = HelpdeskEventKind.TicketSolved, Points = 5, Category = "quality",
                Reason = "Solved ticket #{ticket} on first contact", When = new RuleConditions { AnyTag = ["first_contact_resolution", "fcr"] } },
            new Rule { Id = "agent.good-rating", On = HelpdeskEventKind.SatisfactionRated, Points = 15, Category = "quality",
                Reason = "Good rating on ticket #{ticket}", When = new RuleConditions { Rating = SatisfactionRating.Good } },
            new Rule { Id = "agent.bad-rating", On = HelpdeskEventKind.SatisfactionRated, Points = -10, Category = "quality",
                Reason = "Unhappy rating on ticket #{ticket}", When = new RuleConditions { Rating = SatisfactionRating.Bad } },
            new Rule { Id = "agent.chat-resolved", On = HelpdeskEventKind.ChatResolved, Points = 4, Category = "productivity",
                Reason = "Resolved a chat", DailyCap = 120 },
            new Rule { Id = "customer.rated-support", On = HelpdeskEventKind.SatisfactionRated, Award = RuleTarget.Customer, Points = 5,
                Category = "engagement", Reason = "Rating your support on ticket #{ticket}" },
            new Rule { Id = "customer.chat", On = HelpdeskEventKind.ChatStarted, Award = RuleTarget.Customer, Points = 2,
                Category = "engagement", Reason = "Chatting with us", DailyCap = 10 },
            new Rule { Id = "customer.review", On = HelpdeskEventKind.ReviewCompleted, Award = RuleTarget.Customer, Points = 20,
                Category = "engagement", Reason = "Writing a review", DailyCap = 40 },
            new Rule { Id = "customer.survey", On = HelpdeskEventKind.SurveyCompleted, Award = RuleTarget.Customer, Points = 10,
                Category = "engagement", Reason = "Answering a survey", DailyCap = 30 },
            .. CustomEventRules.Defaults,
        ],
        Badges =
        [
            new BadgeDefinition { Id = "first-solve", Name = "First solve", Description = "Solved your first ticket", Kind = BadgeKind.First, Rule = "agent.ticket-solved" },
            new BadgeDefinition { Id = "solver", Name = "Solver", Description = "Tickets solved", Rule = "agent.ticket-solved",
                Tiers = [new("bronze", 10), new("silver", 50), new("gold", 200)] },
            new BadgeDefinition { Id = "busy-day", Name = "Busy day", Description = "Tickets solved within one day", Kind = BadgeKind.Window,
                Rule = "agent.ticket-solved", WindowDays = 1, Tiers = [new("bronze", 5), new("silver", 10), new("gold", 20)] },
            new BadgeDefinition { Id = "on-a-roll", Name = "On a roll", Description = "Days in a row with a solved ticket", Kind = BadgeKind.Streak,
                Rule = "agent.ticket-solved", Tiers = [new("bronze", 3), new("silver", 5), new("gold", 10)] },
            new BadgeDefinition { Id = "crowd-pleaser", Name = "Crowd pleaser", Description = "Good ratings", Rule = "agent.good-rating",
                Tiers = [new("bronze", 5), new("silver", 25), new("gold", 100)] },
            new BadgeDefinition { Id = "first-rating", Name = "First rating", Description = "Rated our support for the first time", For = RuleTarget.Customer,
                Kind = BadgeKind.First, Rule = "customer.rated-support" },
            new BadgeDefinition { Id = "reviewer", Name = "Reviewer", Description = "Reviews written", For = RuleTarget.Customer, Rule = "customer.review",
                Tiers = [new("bronze", 1), new("silver", 5), new("gold", 10)] },
            new BadgeDefinition { Id = "loyal", Name = "Loyal", Description = "Points earned", For = RuleTarget.Customer, Kind = BadgeKind.Threshold,
                Tiers = [new("bronze", 100), new("silver", 500), new("gold", 1000)] },
        ],
        Levels = new LevelLadders
        {
            Agent =
            [
                new LevelDefinition { Name = "Beginner", Threshold = 0 },
                new LevelDefinition { Name = "Intermediate", Threshold = 150 },
                new LevelDefinition { Name = "Professional", Threshold = 500 },
                new LevelDefinition { Name = "Expert", Threshold = 1500 },
                new LevelDefinition { Name = "Master", Threshold = 4000 },
                new LevelDefinition { Name = "Guru", Threshold = 10000 },
            ],
            Customer =
            [
                new LevelDefinition { Name = "Bronze", Threshold = 0 },
                new LevelDefinition { Name = "Silver", Threshold = 100, Perks = ["Priority queue"] },
                new LevelDefinition { Name = "Gold", Threshold = 300, Perks = ["Priority queue", "Exclusive offers"] },
                new LevelDefinition { Name = "Platinum", Threshold = 800, Perks = ["Priority queue", "Exclusive offers", "Dedicated agent"] },
            ],
        },
        Quests =
        [
            new QuestDefinition { Id = "beat-your-week", Name = "Beat your week", Description = "Solve more tickets than your four-week average",
                Steps = [new QuestStep { Rule = "agent.ticket-solved", Target = 3, PersonalBest = true }], RewardPoints = 25 },
            new QuestDefinition { Id = "quality-week", Name = "Quality week", Description = "Three good ratings and 20 speed points this week",
                Steps = [new QuestStep { Rule = "agent.good-rating", Target = 3 }, new QuestStep { Measure = QuestMeasure.Points, Category = "speed", Target = 20 }],
                RewardPoints = 30 },
            new QuestDefinition { Id = "team-week", Name = "Team week", Description = "Your team solves 40 tickets this week", Team = true,
                Steps = [new QuestStep { Rule = "agent.ticket-solved", Target = 40 }], RewardPoints = 10 },
            new QuestDefinition { Id = "tell-us", Name = "Tell us", Description = "Rate a ticket and answer a survey this month", For = RuleTarget.Customer,
                Recurrence = QuestRecurrence.Month,
                Steps = [new QuestStep { Rule = "customer.rated-support" }, new QuestStep { Rule = "customer.survey" }], RewardPoints = 15 },
        ],
    };
}

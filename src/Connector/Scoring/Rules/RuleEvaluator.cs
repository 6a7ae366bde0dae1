using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>Turns one event into the awards its matching rules give. Pure: same event, same rules, same awards.</summary>
public static class RuleEvaluator
{
    /// <summary>The awards for <paramref name="e"/> under <paramref name="rules"/>.</summary>
    public static IReadOnlyList<Award> Evaluate(HelpdeskEvent e, RuleSet rules)
    {
        var awards = new List<Award>();
        foreach (var rule in rules.Rules)
        {
            if (rule.On != e.Kind || !Matches(rule.When, e))
            {
                continue;
            }
            var (kind, id, name, team) = rule.Award == RuleTarget.Agent
                ? (ParticipantKinds.Agent, e.AgentId, e.AgentName, e.Group)
                : (ParticipantKinds.Customer, e.CustomerId, e.CustomerName, null);
            if (id is null)
            {
                continue;
            }
            var multiplier = e.Priority is not null && rule.PriorityMultipliers.TryGetValue(e.Priority, out var m) ? m : 1.0;
            var points = (int)Math.Round(rule.Points * multiplier, MidpointRounding.AwayFromZero);
            if (points == 0)
            {
                continue;
            }
            var reason = rule.Reason.Replace("{ticket}", e.TicketId ?? e.ConversationId ?? "", StringComparison.Ordinal);
            awards.Add(new Award(kind, id, name, team, points, rule.Category, reason, rule.Id, e.TicketId));
        }
        return awards;
    }

    private static bool Matches(RuleConditions c, HelpdeskEvent e) =>
        (c.Channels is null || (e.Channel is not null && c.Channels.Contains(e.Channel)))
        && (c.Priorities is null || (e.Priority is not null && c.Priorities.Contains(e.Priority)))
        && (c.AnyTag is null || c.AnyTag.Any(e.Tags.Contains))
        && (c.NoTag is null || !c.NoTag.Any(e.Tags.Contains))
        && (c.Rating is null || c.Rating == e.Rating)
        && (c.MaxResolutionSeconds is null || (e.ResolutionSeconds is { } r && r <= c.MaxResolutionSeconds))
        && (c.MaxFirstReplySeconds is null || (e.FirstReplySeconds is { } f && f <= c.MaxFirstReplySeconds))
        && AttributeCondition.Matches(c, e);
}

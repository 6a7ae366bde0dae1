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
            var points = PointsFor(rule, e);
            if (points == 0)
            {
                continue;
            }
            var reason = rule.Reason.Replace("{ticket}", e.TicketId ?? e.ConversationId ?? "", StringComparison.Ordinal);
            if (rule.Award is RuleTarget.Agent or RuleTarget.Both && e.AgentId is not null)
            {
                awards.Add(new Award(ParticipantKinds.Agent, e.AgentId, e.AgentName, e.Group, points, rule.Category, reason, rule.Id, e.TicketId));
            }
            if (rule.Award is RuleTarget.Customer or RuleTarget.Both && e.CustomerId is not null)
            {
                awards.Add(new Award(ParticipantKinds.Customer, e.CustomerId, e.CustomerName, null, points, rule.Category, reason, rule.Id, e.TicketId));
            }
        }
        return awards;
    }

    /// <summary>The rule's points for this event after its priority and channel multipliers.</summary>
    public static int PointsFor(Rule rule, HelpdeskEvent e)
    {
        var byPriority = e.Priority is not null && rule.PriorityMultipliers.TryGetValue(e.Priority, out var p) ? p : 1.0;
        var byChannel = e.Channel is not null && rule.ChannelMultipliers.TryGetValue(e.Channel, out var c) ? c : 1.0;
        return (int)Math.Round(rule.Points * byPriority * byChannel, MidpointRounding.AwayFromZero);
    }

    private static bool Matches(RuleConditions c, HelpdeskEvent e) =>
        (c.Channels is null || (e.Channel is not null && c.Channels.Contains(e.Channel)))
        && (c.Priorities is null || (e.Priority is not null && c.Priorities.Contains(e.Priority)))
        && (c.Groups is null || (e.Group is not null && c.Groups.Contains(e.Group)))
        && (c.AnyTag is null || c.AnyTag.Any(e.Tags.Contains))
        && (c.NoTag is null || !c.NoTag.Any(e.Tags.Contains))
        && (c.Rating is null || c.Rating == e.Rating)
        && (c.MaxResolutionSeconds is null || (e.ResolutionSeconds is { } r && r <= c.MaxResolutionSeconds))
        && (c.MinResolutionSeconds is null || (e.ResolutionSeconds is { } r2 && r2 >= c.MinResolutionSeconds))
        && (c.MaxFirstReplySeconds is null || (e.FirstReplySeconds is { } f && f <= c.MaxFirstReplySeconds))
        && AttributeCondition.Matches(c, e);
}

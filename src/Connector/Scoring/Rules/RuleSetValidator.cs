using HelpdeskGamify.Connector.Scoring.Badges;
using HelpdeskGamify.Connector.Scoring.Levels;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>Checks a rule set; each error is keyed by the item (rule, badge, quest) and field it is about.</summary>
public static class RuleSetValidator
{
    /// <summary>The categories points can be given in.</summary>
    public static readonly IReadOnlyList<string> Categories = ["quality", "speed", "productivity", "engagement"];

    /// <summary>Field errors, empty when the set is valid.</summary>
    public static Dictionary<string, string[]> Validate(RuleSet set)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string key, string message) => (errors.TryGetValue(key, out var l) ? l : errors[key] = []).Add(message);

        if (set.Pending.WindowHours is < 0 or > 24 * 60)
        {
            Add("pending.windowHours", "Must be between 0 and 1440 hours.");
        }
        if (set.Limits.MaxPointsPerTicket < 0)
        {
            Add("limits.maxPointsPerTicket", "Must be 0 (no cap) or more.");
        }
        if (set.Rules.Count > 500)
        {
            Add("rules", "At most 500 rules.");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Rules.Count; i++)
        {
            var r = set.Rules[i];
            var at = $"rules[{(string.IsNullOrWhiteSpace(r.Id) ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Id)}]";
            if (string.IsNullOrWhiteSpace(r.Id) || r.Id.Length > 100 || r.Id.StartsWith("quest:", StringComparison.Ordinal) || r.Id == "kudos")
            {
                Add(at + ".id", "An id of 1 to 100 characters is required (quest:* and kudos are reserved).");
            }
            else if (!ids.Add(r.Id))
            {
                Add(at + ".id", $"Rule '{r.Id}' is defined twice.");
            }
            if (!Categories.Contains(r.Category))
            {
                Add(at + ".category", $"Rule '{r.Id}': must be one of {string.Join(", ", Categories)}.");
            }
            if (r.Points is 0 or < -1000 or > 1000)
            {
                Add(at + ".points", $"Rule '{r.Id}': must be between -1000 and 1000 and not 0.");
            }
            if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > 200)
            {
                Add(at + ".reason", $"Rule '{r.Id}': a reason of 1 to 200 characters is required.");
            }
            if (r.DailyCap is <= 0)
            {
                Add(at + ".dailyCap", $"Rule '{r.Id}': must be positive when set.");
            }
            foreach (var (name, m) in r.PriorityMultipliers.Concat(r.ChannelMultipliers))
            {
                if (m is < 0 or > 10)
                {
                    Add(at + ".multipliers", $"Rule '{r.Id}': multiplier for '{name}' must be between 0 and 10.");
                }
            }
        }
        ValidateBadges(set, ids, Add);
        ValidateLadder("levels.agent", set.Levels.Agent, Add);
        ValidateLadder("levels.customer", set.Levels.Customer, Add);
        foreach (var q in set.Quests)
        {
            var at = $"quests[{q.Id}]";
            if (string.IsNullOrWhiteSpace(q.Id) || q.Id.Length > 90 || string.IsNullOrWhiteSpace(q.Name) || q.Name.Length > 100 || q.Description.Length > 400)
            {
                Add(at + ".id", $"Quest '{q.Id}': an id of 1 to 90 characters, a name of 1 to 100 and a description of at most 400 are required.");
            }
            if (q.Steps.Count == 0)
            {
                Add(at + ".steps", $"Quest '{q.Id}': needs at least one step.");
            }
            if (q.Steps.Any(s => s.Measure == Quests.QuestMeasure.Count && (s.Rule is null || !ids.Contains(s.Rule))))
            {
                Add(at + ".steps.rule", $"Quest '{q.Id}': a count step must name a rule of this set.");
            }
            if (q.Steps.Any(s => s.Target < 1))
            {
                // A step with nothing to reach would be complete with no activity at all; settling quests also relies on every
                // target being at least 1 (QuestSettlement reads only units with settled points).
                Add(at + ".steps.target", $"Quest '{q.Id}': every step needs a target of at least 1.");
            }
            if (q.Recurrence == Quests.QuestRecurrence.Once && (q.StartsAt is null || q.EndsAt is null || q.EndsAt <= q.StartsAt))
            {
                Add(at + ".endsAt", $"Quest '{q.Id}': a one-off quest needs startsAt before endsAt.");
            }
            if (q.Team && q.For != RuleTarget.Agent)
            {
                Add(at + ".team", $"Quest '{q.Id}': team quests are for agents.");
            }
            if (q.RewardPoints is < 0 or > 10_000)
            {
                Add(at + ".rewardPoints", $"Quest '{q.Id}': must be between 0 and 10000.");
            }
        }
        if (set.Kudos.WeeklyBudget < 0 || set.Kudos.Points is < 0 or > 100)
        {
            Add("kudos", "weeklyBudget must be 0 or more and points between 0 and 100.");
        }
        if (set.Customers.ExpiryDays < 0)
        {
            Add("customers.expiryDays", "Must be 0 (never) or more.");
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidateBadges(RuleSet set, HashSet<string> ruleIds, Action<string, string> add)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in set.Badges)
        {
            var at = $"badges[{b.Id}]";
            if (string.IsNullOrWhiteSpace(b.Id) || b.Id.Length > 90 || !ids.Add(b.Id))
            {
                add(at + ".id", $"Badge '{b.Id}': ids must be present, unique and at most 90 characters.");
            }
            if (string.IsNullOrWhiteSpace(b.Name) || b.Name.Length > 100 || b.Tiers.Any(t => t.Tier.Length > 20))
            {
                add(at + ".name", $"Badge '{b.Id}': a name of 1 to 100 characters is required and tier names are at most 20.");
            }
            if (b.For == RuleTarget.Both)
            {
                add(at + ".for", $"Badge '{b.Id}': must be agent or customer.");
            }
            if (b.Kind != BadgeKind.Threshold && (b.Rule is null || !ruleIds.Contains(b.Rule)))
            {
                add(at + ".rule", $"Badge '{b.Id}': must name a rule of this set.");
            }
            if (b.Tiers.Count == 0 || b.Tiers.Any(t => t.Target <= 0) || !b.Tiers.Select(t => t.Target).SequenceEqual(b.Tiers.Select(t => t.Target).Order()))
            {
                add(at + ".tiers", $"Badge '{b.Id}': tiers need positive targets in ascending order.");
            }
            if (b.Kind == BadgeKind.Window && b.WindowDays <= 0)
            {
                add(at + ".windowDays", $"Badge '{b.Id}': must be positive.");
            }
        }
    }

    private static void ValidateLadder(string at, IReadOnlyList<LevelDefinition> ladder, Action<string, string> add)
    {
        if (ladder.Count > 0 && (ladder[0].Threshold != 0 || ladder.Zip(ladder.Skip(1)).Any(p => p.Second.Threshold <= p.First.Threshold)))
        {
            add(at, "Thresholds must start at 0 and strictly increase.");
        }
    }
}

namespace HelpdeskGamify.Connector.Scoring.Progress;

/// <summary>
/// One settled holding of a person (a rule's net points for one ticket or one event), the unit
/// badges and quests count. Pending points are not activity until they are released.
/// </summary>
/// <param name="RuleId">The rule that gave the points.</param>
/// <param name="Category">Its category.</param>
/// <param name="OccurredAtMs">When the fact behind it happened.</param>
/// <param name="Points">Net settled points (may be zero or negative after a clawback or penalty).</param>
public readonly record struct Activity(string RuleId, string Category, long OccurredAtMs, long Points)
{
    /// <summary>Whether it counts as one achievement of its rule.</summary>
    public bool Counts => Points > 0;
}

/// <summary>
/// A change to one of a person's activity units in a batch: which rule, when the fact happened, and
/// whether the unit started (+1) or stopped (−1) counting as an award, and the team it is credited to
/// (a team's quests measure it). The progress pass re-measures only what such changes can move.
/// </summary>
public readonly record struct ActivityChange(string TenantId, long ParticipantId, string RuleId, long OccurredAtMs, int AwardsDelta, string? Team = null);

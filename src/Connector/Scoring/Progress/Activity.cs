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

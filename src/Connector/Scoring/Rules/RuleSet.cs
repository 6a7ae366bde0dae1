namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>A tenant's versioned set of rules.</summary>
public sealed record RuleSet(int Version, IReadOnlyList<Rule> Rules);

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>Which rule set applies to a tenant. Every tenant uses the defaults until it has its own.</summary>
public sealed class RuleBook
{
    /// <summary>The rules for <paramref name="tenantId"/>.</summary>
    public RuleSet For(string tenantId) => DefaultRules.Set;
}

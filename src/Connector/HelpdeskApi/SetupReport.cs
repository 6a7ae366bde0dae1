namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>What one-step setup did for a tenant, and what an admin still has to do by hand.</summary>
public sealed record SetupReport(string Tenant, string Platform, IReadOnlyList<SetupStep> Steps, IReadOnlyList<ManualStep> ManualSteps)
{
    /// <summary>How many things this run created (0 on a repeated run).</summary>
    public int Created => Steps.Count(s => s.Action == SetupStep.CreatedAction);
}

/// <summary>One thing setup checked or changed: <c>verified</c>, <c>created</c>, <c>exists</c> or <c>stored</c>.</summary>
public sealed record SetupStep(string Action, string What)
{
    /// <summary>The action of a step that created something.</summary>
    public const string CreatedAction = "created";
}

/// <summary>
/// Something the helpdesk offers no API for (Freshdesk automation rules, messaging webhooks):
/// where to click, when it fires, and the exact request to configure.
/// </summary>
public sealed record ManualStep(
    string Title,
    string Where,
    IReadOnlyList<string> Conditions,
    string? WebhookUrl,
    IReadOnlyDictionary<string, string> Headers,
    string? Body);

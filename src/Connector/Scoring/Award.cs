namespace HelpdeskGamify.Connector.Scoring;

/// <summary>Points a rule gives one person for one event, before they are written to the ledger.</summary>
public sealed record Award(
    string ParticipantKind,
    string ParticipantId,
    string? DisplayName,
    string? Team,
    int Points,
    string Category,
    string Reason,
    string RuleId,
    string? TicketId);

/// <summary>The participant kinds, as stored and as routed.</summary>
public static class ParticipantKinds
{
    /// <summary>A support agent.</summary>
    public const string Agent = "agent";

    /// <summary>A customer.</summary>
    public const string Customer = "customer";
}

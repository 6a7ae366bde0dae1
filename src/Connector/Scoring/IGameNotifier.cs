namespace HelpdeskGamify.Connector.Scoring;

/// <summary>
/// Where committed scoring results go to be seen. The host implements it (SignalR); the connector
/// only calls it after the transaction that wrote the ledger has committed.
/// </summary>
public interface IGameNotifier
{
    /// <summary>Publishes what one committed batch changed.</summary>
    Task PublishAsync(ScoringOutcome outcome, CancellationToken ct);
}

/// <summary>What one committed scoring batch changed.</summary>
public sealed record ScoringOutcome(IReadOnlyList<PointsAwarded> Awards, IReadOnlyList<BoardChanged> Boards)
{
    /// <summary>Nothing changed.</summary>
    public static readonly ScoringOutcome Empty = new([], []);
}

/// <summary>A ledger entry as the person it belongs to sees it arrive.</summary>
public sealed record PointsAwarded(
    string TenantId,
    string ParticipantKind,
    string ParticipantId,
    long LedgerId,
    int Points,
    string Category,
    string Reason,
    string? TicketId,
    long Total,
    long Pending);

/// <summary>A board of a tenant whose totals moved.</summary>
public sealed record BoardChanged(string TenantId, string Board, IReadOnlyList<string> Periods);

using System.Data.Common;
using HelpdeskGamify.Connector.Scoring;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>
/// The scorer's one hook into outbound webhooks: it appends what a batch changed to the outbox inside
/// the scoring transaction, so an award and its webhook event commit together or not at all.
/// </summary>
public interface IAwardOutbox
{
    /// <summary>Appends the events of <paramref name="outcome"/> within <paramref name="tx"/>.</summary>
    Task AppendAsync(DbConnection connection, DbTransaction tx, ScoringOutcome outcome, CancellationToken ct);
}

using HelpdeskGamify.Connector.Scoring;
using Microsoft.AspNetCore.SignalR;

namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>Pushes committed scoring results to the people they concern and to their tenant's boards.</summary>
public sealed class SignalRGameNotifier(IHubContext<GameHub, IGameClient> hub) : IGameNotifier
{
    /// <inheritdoc />
    public async Task PublishAsync(ScoringOutcome outcome, CancellationToken ct)
    {
        var sends = new List<Task>(outcome.Awards.Count + outcome.Boards.Count);
        foreach (var a in outcome.Awards)
        {
            sends.Add(hub.Clients.Group(HubGroups.Person(a.TenantId, a.ParticipantKind, a.ParticipantId))
                .pointsAwarded(new PointsAwardedMessage(a.ParticipantId, a.ParticipantKind, a.LedgerId, a.Points, a.Category, a.Reason, a.TicketId, a.Total, a.Pending)));
        }
        foreach (var b in outcome.Boards)
        {
            sends.Add(hub.Clients.Group(HubGroups.Tenant(b.TenantId)).leaderboardChanged(new LeaderboardChangedMessage(b.Board, b.Periods)));
        }
        await Task.WhenAll(sends);
    }
}

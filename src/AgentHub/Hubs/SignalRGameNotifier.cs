using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using Microsoft.AspNetCore.SignalR;

namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>Pushes committed scoring results to the people they concern and to their tenant's boards.</summary>
public sealed class SignalRGameNotifier(IHubContext<GameHub, IGameClient> hub, BoardChangeBroadcaster boards) : IGameNotifier
{
    /// <inheritdoc />
    public async Task PublishAsync(ScoringOutcome outcome, CancellationToken ct)
    {
        var sends = new List<Task>();
        IGameClient Person(string tenant, string kind, string id) => hub.Clients.Group(HubGroups.Person(tenant, kind, id));
        foreach (var a in outcome.Awards)
        {
            sends.Add(Person(a.TenantId, a.ParticipantKind, a.ParticipantId).pointsAwarded(new PointsAwardedMessage(a.ParticipantId, a.ParticipantKind,
                a.LedgerId, a.Points, a.Category, a.Reason, a.TicketId, a.Total, a.Pending, a.EntryKind, a.PendingPoints)));
        }
        foreach (var b in outcome.Badges)
        {
            sends.Add(Person(b.TenantId, b.ParticipantKind, b.ParticipantId).badgeEarned(new BadgeEarnedMessage(b.ParticipantId, b.ParticipantKind,
                new BadgeMessage(b.BadgeId, b.Name, b.Description, b.Tier))));
        }
        foreach (var l in outcome.Levels)
        {
            sends.Add(Person(l.TenantId, l.ParticipantKind, l.ParticipantId).levelChanged(new LevelChangedMessage(l.ParticipantId, l.ParticipantKind, l.Level, l.Direction)));
        }
        foreach (var q in outcome.Quests)
        {
            sends.Add(Person(q.TenantId, q.ParticipantKind, q.ParticipantId).questProgress(new QuestProgressMessage(q.ParticipantId, QuestView.Of(q.Quest, recorded: false))));
        }
        foreach (var r in outcome.Redemptions)
        {
            sends.Add(Person(r.TenantId, ParticipantKinds.Customer, r.ParticipantId).rewardRedeemed(new RewardRedeemedMessage(r.ParticipantId,
                new RedemptionView(r.RedemptionId, r.RewardId, r.RewardName, r.Code, r.Points, r.Balance))));
        }
        // Posted after the personal pushes were handed to SignalR, so they normally arrive first (the pages only re-read the board on a change).
        foreach (var b in outcome.Boards)
        {
            boards.Post(b);
        }
        await Task.WhenAll(sends);
    }
}

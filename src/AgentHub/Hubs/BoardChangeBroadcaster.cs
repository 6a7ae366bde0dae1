using System.Threading.Channels;
using HelpdeskGamify.Connector;
using HelpdeskGamify.Connector.Scoring;
using Microsoft.AspNetCore.SignalR;

namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>
/// Sends <c>leaderboardChanged</c> to tenant groups on its own loop, so that the scorer never waits
/// for a tenant-wide fan-out (ten thousand socket writes, or the slowest client's full buffer).
/// Changes that queue up while a round is being sent go out in the next round once per board, with
/// the union of their periods: a busy tenant gets one message per board per round, not one per batch.
/// A solve with a team used to send four tenant-wide messages (agents, the team's agents board,
/// customers, teams); now three.
/// </summary>
public sealed class BoardChangeBroadcaster(IHubContext<GameHub, IGameClient> hub, ILogger<BoardChangeBroadcaster> logger) : BackgroundService
{
    private readonly Channel<BoardChanged> _changes = Channel.CreateUnbounded<BoardChanged>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a change; never blocks.</summary>
    public void Post(BoardChanged change) => _changes.Writer.TryWrite(change);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            foreach (var change in Coalesce())
            {
                using var activity = ConnectorTelemetry.Activities.StartActivity("hub.broadcast");
                activity?.SetTag("helpdeskgamify.tenant", change.TenantId);
                activity?.SetTag("helpdeskgamify.board", change.Board);
                try
                {
                    // One message per group: SignalR serialises it once per protocol and copies the bytes to each connection.
                    await hub.Clients.Group(HubGroups.Tenant(change.TenantId)).leaderboardChanged(new LeaderboardChangedMessage(change.Board, change.Periods));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A lost push loses nothing: clients read the board on reconnect.
                    logger.LogWarning(ex, "Broadcasting a change of board {Board} of tenant {Tenant} failed", change.Board, change.TenantId);
                }
            }
        }
    }

    private List<BoardChanged> Coalesce()
    {
        var round = new List<BoardChanged>();
        while (_changes.Reader.TryRead(out var queued))
        {
            var change = queued with { Board = PublicBoard(queued.Board) };
            var i = round.FindIndex(c => c.TenantId == change.TenantId && c.Board == change.Board);
            if (i < 0)
            {
                round.Add(change);
            }
            else if (!change.Periods.All(round[i].Periods.Contains))
            {
                round[i] = round[i] with { Periods = round[i].Periods.Union(change.Periods).ToList() };
            }
        }
        return round;
    }

    // A team's own agents board ("agents@" and a hash) moves with the agents board in the same commit;
    // pages only know the public names, so it is announced as that board (and so usually merged away).
    private static string PublicBoard(string board) => board.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? board[..at] : board;
}

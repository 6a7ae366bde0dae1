using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.Connector.Scoring;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace HelpdeskGamify.AgentHub.Tests.Hubs;

public sealed class BoardChangeBroadcasterTests
{
    private readonly List<(string Group, LeaderboardChangedMessage Message)> _sent = [];
    private readonly Mock<IHubContext<GameHub, IGameClient>> _hub = new();

    private BoardChangeBroadcaster Broadcaster(Func<Task>? send = null)
    {
        var clients = new Mock<IHubClients<IGameClient>>();
        clients.Setup(c => c.Group(It.IsAny<string>())).Returns((string group) =>
        {
            var client = new Mock<IGameClient>();
            client.Setup(c => c.leaderboardChanged(It.IsAny<LeaderboardChangedMessage>())).Returns((LeaderboardChangedMessage m) =>
            {
                lock (_sent)
                {
                    _sent.Add((group, m));
                }
                return send?.Invoke() ?? Task.CompletedTask;
            });
            return client.Object;
        });
        _hub.Setup(h => h.Clients).Returns(clients.Object);
        return new BoardChangeBroadcaster(_hub.Object, NullLogger<BoardChangeBroadcaster>.Instance);
    }

    private int SentCount()
    {
        lock (_sent)
        {
            return _sent.Count;
        }
    }

    [Fact]
    public async Task Changes_queued_together_go_out_once_per_public_board_with_all_their_periods()
    {
        var broadcaster = Broadcaster();
        broadcaster.Post(new BoardChanged("acme", "agents", ["week"]));
        broadcaster.Post(new BoardChanged("acme", "customers", ["all"]));
        broadcaster.Post(new BoardChanged("acme", "agents@0123456789ab", ["week", "all"]));
        broadcaster.Post(new BoardChanged("globex", "agents", ["day"]));

        await broadcaster.StartAsync(CancellationToken.None);
        await TestSupport.GameHost.WaitUntilAsync(() => Task.FromResult(SentCount() >= 3), what: "three board pushes");
        await broadcaster.StopAsync(CancellationToken.None);

        Assert.Equal(3, _sent.Count);
        Assert.Equal(["week", "all"], _sent.Single(s => s.Group == HubGroups.Tenant("acme") && s.Message.Board == "agents").Message.Periods);
        Assert.Equal(["all"], _sent.Single(s => s.Group == HubGroups.Tenant("acme") && s.Message.Board == "customers").Message.Periods);
        Assert.Equal(["day"], _sent.Single(s => s.Group == HubGroups.Tenant("globex")).Message.Periods);
    }

    [Fact]
    public async Task Publishing_an_outcome_does_not_wait_for_the_tenant_wide_push()
    {
        var neverDrains = new TaskCompletionSource();
        var broadcaster = Broadcaster(() => neverDrains.Task);
        await broadcaster.StartAsync(CancellationToken.None);
        var notifier = new SignalRGameNotifier(_hub.Object, broadcaster);

        // A stuck first round (a client whose buffer never drains) must not hold the scorer's publish.
        await notifier.PublishAsync(new ScoringOutcome([], [new BoardChanged("acme", "agents", ["week"])]), CancellationToken.None);
        await TestSupport.GameHost.WaitUntilAsync(() => Task.FromResult(SentCount() == 1), what: "the first push to start");
        var second = notifier.PublishAsync(new ScoringOutcome([], [new BoardChanged("acme", "agents", ["all"])]), CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        neverDrains.SetResult();
        await TestSupport.GameHost.WaitUntilAsync(() => Task.FromResult(SentCount() == 2), what: "the second round");
        await broadcaster.StopAsync(CancellationToken.None);
    }
}

using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskGamify.AgentHub.Tests.Hubs;

public sealed class GameHubCatchUpTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Reconnecting_client_gets_the_awards_it_missed_and_the_board_now()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var token = await _host.TokenAsync("acme", "agent", "9001");
        await Scenario.SolveAsync(_host, "acme", secret, "10", "9001", "Ingrid", "Tier 1");
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 10);

        long lastSeen;
        await using (var first = _host.Hub(token))
        {
            await first.StartAsync();
            var before = await first.InvokeAsync<CatchUp>("CatchUp", 0L, "week");
            lastSeen = Assert.Single(before.Awards).LedgerId;
        }

        // Away: two awards are pushed to nobody.
        await Scenario.SolveAsync(_host, "acme", secret, "11", "9001", "Ingrid", "Tier 1");
        await Scenario.SolveAsync(_host, "acme", secret, "12", "9002", "Ola", "Tier 1");
        await Scenario.WaitForPointsAsync(_host, "acme", "9001", 20);
        await Scenario.WaitForPointsAsync(_host, "acme", "9002", 10);

        await using var again = _host.Hub(token);
        await again.StartAsync();
        var missed = await again.InvokeAsync<CatchUp>("CatchUp", lastSeen, "week");

        var award = Assert.Single(missed.Awards);
        Assert.True(award.LedgerId > lastSeen);
        Assert.Equal("Solved ticket #11", award.Reason);
        Assert.Equal(2, missed.Board.Entries.Count);
        Assert.Equal(20, missed.Board.Me!.Points);
    }

    [Fact]
    public async Task MessagePack_client_receives_pushes_and_catches_up()
    {
        var secret = await _host.CreateZendeskTenantAsync("acme");
        var token = await _host.TokenAsync("acme", "agent", "9001");
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_host.BaseAddress, "/hubs/game"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .Build();
        var received = new TaskCompletionSource<PointsAwardedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<PointsAwardedMessage>("pointsAwarded", m => received.TrySetResult(m));
        // The client offers only MessagePack: the handshake fails unless the server speaks it.
        await hub.StartAsync();

        await Scenario.SolveAsync(_host, "acme", secret, "20", "9001", "Ingrid", "Tier 1");
        var award = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var catchUp = await hub.InvokeAsync<CatchUp>("CatchUp", 0L, "all");

        Assert.Equal(10, award.Points);
        Assert.Equal("Solved ticket #20", award.Reason);
        Assert.Equal(award.LedgerId, Assert.Single(catchUp.Awards).LedgerId);
        Assert.Equal("9001", catchUp.Board.Entries[0].ParticipantId);
    }

    public void Dispose() => _host.Dispose();
}

using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.Connector.Tests.Storage.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace HelpdeskGamify.Connector.Tests.Leaderboards;

public sealed class LeaderboardFanoutTests
{
    private static readonly BoardKey Board = new("acme", "agents", "all");

    [Fact]
    public async Task Local_commits_are_published_and_remote_ones_are_applied_without_echo()
    {
        await using var scratch = await new SqliteStoreProvider().CreateAsync();
        await new MigrationRunner(scratch.Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var fanout = new Mock<ITotalsFanout>();
        var index = new LeaderboardIndex(scratch.Database, fanout.Object);
        Assert.Empty(await index.ReadAsync(Board, set => set.Range(0, 10)));

        index.Apply([new TotalChange(Board, "9001", 15)]);
        index.ApplyRemote([new TotalChange(Board, "9002", 40), new TotalChange(Board, "9002", 40)]);

        fanout.Verify(f => f.Publish(It.Is<IReadOnlyList<TotalChange>>(c => c.Count == 1 && c[0].MemberKey == "9001")), Times.Once);
        fanout.VerifyNoOtherCalls();
        var top = await index.ReadAsync(Board, set => set.Range(0, 10));
        Assert.Equal(["9002", "9001"], top.Select(e => e.Key));
    }

    [Fact]
    public async Task Invalidated_boards_reload_from_the_database()
    {
        await using var scratch = await new SqliteStoreProvider().CreateAsync();
        await new MigrationRunner(scratch.Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var index = new LeaderboardIndex(scratch.Database);
        index.ApplyRemote([new TotalChange(Board, "ghost", 99)]);
        Assert.Empty(await index.ReadAsync(Board, set => set.Range(0, 10)));
        index.ApplyRemote([new TotalChange(Board, "ghost", 99)]);
        Assert.Single(await index.ReadAsync(Board, set => set.Range(0, 10)));

        // A missed message cannot linger: after a reconnect the board is read again from the truth.
        index.Invalidate();

        Assert.Empty(await index.ReadAsync(Board, set => set.Range(0, 10)));
    }
}

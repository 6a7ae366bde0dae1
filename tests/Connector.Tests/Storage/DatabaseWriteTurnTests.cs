using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Tests.Storage;

public sealed class DatabaseWriteTurnTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task Sqlite_writers_wait_for_the_turn_before_them_and_get_it_when_it_is_disposed()
    {
        using var database = new Database(Options.Create(new StorageOptions { DataDirectory = _folder }));
        var first = await database.EnterWriteAsync();
        var second = database.EnterWriteAsync().AsTask();
        var third = database.EnterWriteAsync().AsTask();

        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        first.Dispose();
        var secondTurn = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(third.IsCompleted);

        // Disposing a turn twice must not let two writers in at once.
        secondTurn.Dispose();
        secondTurn.Dispose();
        var thirdTurn = await third.WaitAsync(TimeSpan.FromSeconds(5));
        var fourth = database.EnterWriteAsync().AsTask();
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);
        thirdTurn.Dispose();
        (await fourth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Sqlite_tells_the_holder_of_the_turn_whether_another_writer_is_queued()
    {
        using var database = new Database(Options.Create(new StorageOptions { DataDirectory = _folder }));
        var first = await database.EnterWriteAsync();
        Assert.False(database.WritersWaiting);
        var second = database.EnterWriteAsync().AsTask();
        Assert.True(database.WritersWaiting);

        first.Dispose();
        var secondTurn = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(database.WritersWaiting);

        // A writer that gives up waiting is not counted any more.
        using var cancel = new CancellationTokenSource();
        var third = database.EnterWriteAsync(cancel.Token).AsTask();
        Assert.True(database.WritersWaiting);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.False(database.WritersWaiting);
        secondTurn.Dispose();
    }

    [Fact]
    public async Task Sql_server_writers_never_wait()
    {
        using var database = new Database(Options.Create(new StorageOptions { Provider = StorageProvider.SqlServer, ConnectionString = "Server=unused" }));
        using var first = await database.EnterWriteAsync();
        var second = database.EnterWriteAsync();
        Assert.True(second.IsCompleted);
        (await second).Dispose();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

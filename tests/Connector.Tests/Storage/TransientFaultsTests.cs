using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Tests.Storage;

public sealed class TransientFaultsTests
{
    private sealed class Blip : Exception;

    private static Database SqlServer(Func<Exception, bool> isTransient) => new(
        Options.Create(new StorageOptions { Provider = StorageProvider.SqlServer, ConnectionString = "Server=unused;Database=unused" }),
        TransientFaults.Pipeline(isTransient, retries: 3, firstDelay: TimeSpan.FromMilliseconds(1)));

    [Fact]
    public async Task Idempotent_operation_is_retried_after_transient_faults_on_SQL_Server()
    {
        var database = SqlServer(ex => ex is Blip);
        var calls = 0;

        var result = await database.RetryAsync(_ => ++calls < 3 ? throw new Blip() : ValueTask.FromResult("done"));

        Assert.Equal("done", result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Retries_stop_after_the_limit_and_the_last_fault_surfaces()
    {
        var database = SqlServer(ex => ex is Blip);
        var calls = 0;

        await Assert.ThrowsAsync<Blip>(async () => await database.RetryAsync<int>(_ => { calls++; throw new Blip(); }));

        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task Faults_that_are_not_transient_are_not_retried()
    {
        var database = SqlServer(ex => ex is Blip);
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await database.RetryAsync<int>(_ => { calls++; throw new InvalidOperationException("constraint"); }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task SQLite_does_not_retry_because_busy_timeout_already_waits()
    {
        var database = new Database(Options.Create(new StorageOptions { DataDirectory = Path.GetTempPath() }),
            TransientFaults.Pipeline(_ => true, retries: 3, firstDelay: TimeSpan.FromMilliseconds(1)));
        var calls = 0;

        await Assert.ThrowsAsync<Blip>(async () => await database.RetryAsync<int>(_ => { calls++; throw new Blip(); }));

        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(40613, true)]   // database not currently available (Azure SQL failover)
    [InlineData(1205, true)]    // deadlock victim
    [InlineData(-2, true)]      // client timeout
    [InlineData(2627, false)]   // unique key violation: retrying cannot help
    [InlineData(18456, false)]  // login failed
    public void Error_numbers_are_classified(int number, bool transient) =>
        Assert.Equal(transient, TransientFaults.IsTransientNumber(number));

    [Fact]
    public void Timeouts_are_transient_and_ordinary_errors_are_not()
    {
        Assert.True(TransientFaults.IsTransient(new TimeoutException()));
        Assert.False(TransientFaults.IsTransient(new InvalidOperationException()));
    }
}

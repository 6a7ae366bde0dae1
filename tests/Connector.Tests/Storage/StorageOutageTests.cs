using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Connector.Tests.Storage;

public sealed class StorageOutageTests
{
    [Theory]
    [InlineData(5)]  // busy
    [InlineData(6)]  // locked
    [InlineData(10)] // I/O error
    [InlineData(13)] // disk full
    [InlineData(14)] // cannot open
    public void Sqlite_outages_are_told_apart_from_problems_with_the_data(int code)
    {
        Assert.True(TransientFaults.IsStorageOutage(new SqliteException("outage", code)));
    }

    [Theory]
    [InlineData(19)] // constraint
    [InlineData(1)]  // SQL error
    public void Sqlite_errors_about_the_statement_or_data_are_not_outages(int code)
    {
        Assert.False(TransientFaults.IsStorageOutage(new SqliteException("bad row", code)));
        Assert.False(TransientFaults.IsStorageOutage(new InvalidOperationException("bug")));
    }
}

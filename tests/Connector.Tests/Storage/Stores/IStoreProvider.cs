using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Tests.Storage.Stores;

/// <summary>Makes an empty, migrated-on-demand database of one provider for one test, and removes it after.</summary>
public interface IStoreProvider
{
    /// <summary>A fresh database; skips the test when the provider is not available here.</summary>
    Task<ScratchDatabase> CreateAsync();
}

/// <summary>A throw-away database and how to get rid of it.</summary>
public sealed class ScratchDatabase(Database database, Func<Task> drop) : IAsyncDisposable
{
    /// <summary>The connection factory the stores take.</summary>
    public Database Database { get; } = database;

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await drop();
}

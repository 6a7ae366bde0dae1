using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Tests.Storage.Stores;

/// <summary>A SQLite file in a temporary folder: always available.</summary>
public sealed class SqliteStoreProvider : IStoreProvider
{
    /// <inheritdoc />
    public Task<ScratchDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", "stores-" + Guid.NewGuid().ToString("n"));
        var database = new Database(Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = folder }));
        return Task.FromResult(new ScratchDatabase(database, () =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            return Task.CompletedTask;
        }));
    }
}

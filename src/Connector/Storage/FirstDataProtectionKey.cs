using Dapper;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// Makes the first Data Protection key under a lock shared by all nodes. Data Protection delays
/// later keys' activation so that every node sees them before use, but on an empty key ring each
/// node starting at once would make and use its own key at once, and a node that cached the ring
/// before another's key was written could not decrypt what that node encrypted (for up to a day).
/// Runs after the migrations and before Data Protection's own warm-up (hosted services start in
/// registration order).
/// </summary>
public sealed class FirstDataProtectionKey(IKeyManager keys, Database database, IOptions<StorageOptions> storage, TimeProvider clock) : IHostedService
{
    private const string LockSqlServer = """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'helpdeskgamify.dataprotection', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 60000;
        IF @result < 0 THROW 50002, N'Timed out waiting for another node to create the first key.', 1;
        """;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var gate = await LockAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now.AddDays(90));
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<IAsyncDisposable> LockAsync(CancellationToken ct)
    {
        if (database.Provider == StorageProvider.SqlServer)
        {
            // A session lock: held until this connection closes.
            var connection = await database.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(LockSqlServer, cancellationToken: ct));
            return connection;
        }
        // SQLite nodes share the data directory (one machine), so a lock file there serializes them.
        Directory.CreateDirectory(storage.Value.DataDirectory);
        var path = Path.Combine(storage.Value.DataDirectory, "dataprotection.lock");
        var deadline = clock.GetUtcNow().AddSeconds(60);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(50, ct);
            }
        }
    }
}

using HelpdeskGamify.Benchmarks.Common;
using StackExchange.Redis;

namespace HelpdeskGamify.Benchmarks.Leaderboards;

/// <summary>A throw-away local redis-server on a free port (no persistence), when one is installed.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Child _child;

    private RedisServer(Child child, ConnectionMultiplexer connection)
    {
        _child = child;
        Connection = connection;
    }

    public ConnectionMultiplexer Connection { get; }

    public static string? Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);

    public static async Task<RedisServer?> StartAsync()
    {
        var exe = Executable();
        if (exe is null)
        {
            return null;
        }
        var port = AgentHubProcess.FreePort();
        var child = Child.Start(exe, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "no", "--loglevel", "warning"]);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=true,connectTimeout=1000,syncTimeout=30000");
                return new RedisServer(child, connection);
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }
        await child.DisposeAsync();
        throw new TimeoutException("redis-server did not accept connections.");
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _child.DisposeAsync();
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace HelpdeskGamify.TestSupport.ScaleOut;

/// <summary>A throw-away <c>redis-server</c> on a free loopback port, without persistence.</summary>
public sealed class RedisServerProcess : IDisposable
{
    private Process _process;

    private RedisServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The redis-server executable, or null when it is not installed.</summary>
    public static string? Executable => Prerequisites.FindExecutable("/usr/bin/redis-server", "/usr/local/bin/redis-server");

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts one and waits until it answers PING.</summary>
    public static async Task<RedisServerProcess> StartAsync()
    {
        var port = FreePort.Next();
        var server = new RedisServerProcess(Launch(port), port);
        try
        {
            await server.WaitAnswersAsync();
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>Whether the server process runs.</summary>
    public bool Running => !_process.HasExited;

    /// <summary>Kills the server at once (SIGKILL): connected clients see their sockets drop; nothing persists.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    /// <summary>Starts a fresh, empty server on the same port (clients reconnect to it by themselves) and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        Stop();
        _process.Dispose();
        _process = Launch(Port);
        await WaitAnswersAsync();
    }

    private static Process Launch(int port)
    {
        var info = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("redis-server is not installed."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitAnswersAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await PingAsync())
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port}.");
            }
            await Task.Delay(50);
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}

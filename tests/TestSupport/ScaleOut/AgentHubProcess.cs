using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace HelpdeskGamify.TestSupport.ScaleOut;

/// <summary>
/// One AgentHub node as a real child process (<c>dotnet HelpdeskGamify.AgentHub.dll</c>, Production
/// environment) on a loopback port, for tests of several nodes sharing a database and a Redis.
/// </summary>
public sealed class AgentHubProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AgentHubProcess(Process process, Uri address)
    {
        _process = process;
        BaseAddress = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the node listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The child's process id (it appears in the node's lease owner name).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process still runs.</summary>
    public bool Running => !_process.HasExited;

    /// <summary>The last lines the node printed, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts a node with these settings (environment variables, <c>__</c> for sections).</summary>
    public static AgentHubProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var dll = typeof(Program).Assembly.Location;
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        return new AgentHubProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>A client for this node, with the admin key when given.</summary>
    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = Client();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Node {BaseAddress} exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Node {BaseAddress} not ready:\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Kills the node at once (SIGKILL on Unix): no shutdown, no lease release, nothing flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

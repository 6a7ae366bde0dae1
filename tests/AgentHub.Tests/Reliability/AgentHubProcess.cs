using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Reliability;

/// <summary>
/// The built AgentHub run as a separate process (<c>dotnet HelpdeskGamify.AgentHub.dll</c>) on a
/// loopback port with its own data folder, so that a test can SIGKILL it like a crashed machine
/// and start it again on the same files.
/// </summary>
public sealed class AgentHubProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>Creates the data folder and picks a free port; call <see cref="StartAsync"/> to run.</summary>
    public AgentHubProcess(IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "helpdeskgamify-process", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(DataDirectory);
        Port = FreePort();
        Settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["Storage__DataDirectory"] = DataDirectory,
            ["Admin__ApiKey"] = GameHost.AdminKey,
            ["Auth__SigningKey"] = GameHost.SigningKey,
            ["Demo__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Settings[key] = value;
        }
    }

    /// <summary>The environment the process gets.</summary>
    public Dictionary<string, string> Settings { get; }

    /// <summary>The folder with the SQLite file and keys, kept across restarts.</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>The base address.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The SQLite file.</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, "helpdeskgamify.db");

    /// <summary>The running process id.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Not running.");

    /// <summary>Everything the process wrote to stdout and stderr.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>The AgentHub assembly next to the tests (a referenced exe is copied with its runtimeconfig).</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "HelpdeskGamify.AgentHub.dll");

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet", [AssemblyPath])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in Settings)
        {
            info.Environment[key] = value;
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"AgentHub exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var ready = await probe.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"AgentHub did not become ready:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, like pulling the plug on the process.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>The resident set size of the process, from <c>/proc</c>.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

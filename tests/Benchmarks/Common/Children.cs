using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace HelpdeskGamify.Benchmarks.Common;

/// <summary>
/// A child process (the AgentHub, a reference server, the load generator, the client swarm) whose
/// output lines are read as they come. Every child is killed when its benchmark ends, even on failure,
/// so that no load is left running.
/// </summary>
internal sealed class Child : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<string> _errors = new();

    private Child(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool Exited => _process.HasExited;

    public string Errors => string.Join(Environment.NewLine, _errors.TakeLast(30));

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/>, stdin open for commands.</summary>
    public static Child Start(string file, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new Child(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                child._lines.Writer.TryComplete();
            }
            else
            {
                child._lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                child._errors.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Children.Register(child);
        return child;
    }

    /// <summary>Starts this benchmark executable again with a verb.</summary>
    public static Child StartSelf(string verb, params string[] arguments)
    {
        var path = Environment.ProcessPath!;
        var isHost = Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var all = isHost ? new[] { typeof(Child).Assembly.Location, verb }.Concat(arguments) : new[] { verb }.Concat(arguments);
        return Start(path, all);
    }

    /// <summary>The rest of the first line starting with <paramref name="prefix"/>; fails if the child exits first.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(cts.Token))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line[prefix.Length..].Trim();
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{prefix}' from child {Pid} within {timeout}. Its errors:{Environment.NewLine}{Errors}");
        }
        throw new InvalidOperationException($"Child {Pid} ended before '{prefix}'. Its errors:{Environment.NewLine}{Errors}");
    }

    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }
        Children.Unregister(this);
        _process.Dispose();
    }
}

/// <summary>Every child still alive, so that an exit or Ctrl+C never leaves load running.</summary>
internal static class Children
{
    private static readonly ConcurrentDictionary<Child, bool> Alive = new();

    static Children()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    public static void Register(Child child) => Alive[child] = true;

    public static void Unregister(Child child) => Alive.TryRemove(child, out _);

    public static void KillAll()
    {
        foreach (var child in Alive.Keys)
        {
            child.Kill();
        }
    }
}

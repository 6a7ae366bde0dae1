using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace HelpdeskGamify.Benchmarks.Common;

/// <summary>
/// The real AgentHub, started from its built dll as a child process with its own data folder,
/// production settings and the demo off: exactly what an operator would run.
/// </summary>
internal sealed class AgentHubProcess : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key-0123456789abcdef0123";
    private static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());

    /// <summary>Environment variables with this prefix are passed to the node without it.</summary>
    public const string PassThroughPrefix = "AGENTHUB_";

    private readonly bool _ownsData;

    private AgentHubProcess(Child child, Uri baseAddress, string dataDirectory, bool ownsData)
    {
        Child = child;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _ownsData = ownsData;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public Child Child { get; }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "helpdeskgamify.db");

    /// <summary>An HTTP client carrying the admin key.</summary>
    public HttpClient Http { get; }

    /// <summary>Milliseconds from process start to the first 200 of <c>/health/ready</c>.</summary>
    public double ReadyAfterMs { get; private set; }

    /// <summary>The AgentHub dll this benchmark build was made with (written by the project file).</summary>
    public static string DllPath
    {
        get
        {
            var pathFile = Path.Combine(AppContext.BaseDirectory, "agenthub.path");
            // BENCH_AGENTHUB_DLL runs the same benchmark against another build (before/after comparisons).
            var path = Environment.GetEnvironmentVariable("BENCH_AGENTHUB_DLL") is { Length: > 0 } other ? other
                : File.Exists(pathFile) ? File.ReadAllText(pathFile).Trim() : "";
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The AgentHub build was not found ('{path}'); build with dotnet run -c Release --project tests/Benchmarks.");
        }
    }

    /// <summary>Starts a node on a free loopback port and waits until it is ready.</summary>
    public static async Task<AgentHubProcess> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Path.Combine(Bench.CacheFolder, "runs", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dataDirectory);
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Storage__DataDirectory"] = dataDirectory,
            ["Admin__ApiKey"] = AdminKey,
            ["Auth__SigningKey"] = SigningKey,
            ["Demo__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
        };
        // AGENTHUB_DOTNET_gcServer=0 sets DOTNET_gcServer=0 for the node alone, not for the benchmark's own processes.
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith(PassThroughPrefix, StringComparison.Ordinal)))
        {
            environment[key[PassThroughPrefix.Length..]] = Environment.GetEnvironmentVariable(key)!;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var dll = DllPath;
        var started = Stopwatch.GetTimestamp();
        var child = Child.Start("dotnet", [dll], Path.GetDirectoryName(dll), environment);
        var node = new AgentHubProcess(child, new Uri($"http://127.0.0.1:{port}"), dataDirectory, owns);
        try
        {
            await node.WaitReadyAsync(started);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    private async Task WaitReadyAsync(long started)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (Child.Exited)
            {
                throw new InvalidOperationException("The AgentHub exited during start:" + Environment.NewLine + Child.Errors);
            }
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    ReadyAfterMs = Stats.ElapsedMs(started, Stopwatch.GetTimestamp());
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(5);
        }
        throw new TimeoutException("The AgentHub was not ready within 120 s:" + Environment.NewLine + Child.Errors);
    }

    /// <summary>Connects a Zendesk tenant through the admin API; returns its webhook signing secret.</summary>
    public async Task<string> CreateZendeskTenantAsync(string tenant)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var response = await Http.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new
        {
            name = $"Bench {tenant}",
            platform = "zendesk",
            zendesk = new { subdomain = tenant, webhookSigningSecret = secret },
            widgetSigningSecret = "widget-" + secret,
        });
        response.EnsureSuccessStatusCode();
        return secret;
    }

    /// <summary>
    /// Makes the tenant settle solves at once (no pending window), so that a solve moves the boards
    /// and broadcasts <c>leaderboardChanged</c> immediately, as the connections benchmark needs.
    /// </summary>
    public async Task SettleAtOnceAsync(string tenant)
    {
        var rules = System.Text.Json.Nodes.JsonNode.Parse(await Http.GetStringAsync($"/api/admin/tenants/{tenant}/rules"))!.AsObject();
        rules["pending"] = new System.Text.Json.Nodes.JsonObject { ["windowHours"] = 0 };
        using var response = await Http.PutAsync($"/api/admin/tenants/{tenant}/rules",
            new StringContent(rules.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An agent token from the admin API.</summary>
    public async Task<string> AgentTokenAsync(string tenant, string subject)
    {
        using var response = await Http.PostAsJsonAsync($"/api/admin/tenants/{tenant}/tokens", new { role = "agent", subject });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Child.DisposeAsync();
        if (_ownsData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record TokenBody(string Token);
}

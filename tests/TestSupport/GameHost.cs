using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskGamify.TestSupport;

/// <summary>
/// A real AgentHub on a loopback port (Kestrel, real HTTP and WebSockets) with its own SQLite file
/// in a temporary folder. Settings can be added or overridden per test.
/// </summary>
public class GameHost : WebApplicationFactory<Program>
{
    /// <summary>The admin key every test host uses.</summary>
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    /// <summary>The token signing key every test host uses (32 bytes, base64).</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsData;

    /// <summary>
    /// Creates a host; <paramref name="settings"/> override the defaults below. Pass a
    /// <paramref name="port"/> and an existing <paramref name="dataDirectory"/> to stand in for the
    /// same node after a restart (the folder is then left for its owner to delete).
    /// </summary>
    public GameHost(IReadOnlyDictionary<string, string?>? settings = null, int port = 0, string? dataDirectory = null)
    {
        _ownsData = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", Guid.NewGuid().ToString("n"));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Admin:ApiKey"] = AdminKey,
            ["Auth:SigningKey"] = SigningKey,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        UseKestrel(port);
    }

    /// <summary>The folder holding this host's database and keys.</summary>
    public string DataDirectory { get; }

    /// <summary>The address the host listens on (starts it on first use).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>A service from the running host.</summary>
    public T Service<T>() where T : notnull
    {
        StartServer();
        return Services.GetRequiredService<T>();
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
    }

    /// <summary>An HTTP client with the admin key.</summary>
    public HttpClient AdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>An HTTP client with a bearer token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a Zendesk tenant through the admin API and returns its webhook signing secret.</summary>
    public async Task<string> CreateZendeskTenantAsync(string tenant, string? secret = null)
    {
        secret ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var admin = AdminClient();
        using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new
        {
            name = $"Tenant {tenant}",
            platform = "zendesk",
            zendesk = new { subdomain = tenant, webhookSigningSecret = secret, messagingApiKey = "messaging-" + secret },
            widgetSigningSecret = "widget-secret-" + secret,
        });
        response.EnsureSuccessStatusCode();
        return secret;
    }

    /// <summary>A token from <c>POST /api/admin/tenants/{tenant}/tokens</c>.</summary>
    public async Task<string> TokenAsync(string tenant, string role, string subject)
    {
        using var admin = AdminClient();
        using var response = await admin.PostAsJsonAsync($"/api/admin/tenants/{tenant}/tokens", new { role, subject });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.Token;
    }

    /// <summary>A hub connection (not yet started) to <c>/hubs/game</c> with a token.</summary>
    public HubConnection Hub(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(BaseAddress, "/hubs/game"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();

    /// <summary>Polls until <paramref name="condition"/> holds or fails the test after <paramref name="timeout"/>.</summary>
    /// <summary>
    /// Waits until every acknowledged fact has been moved from the staging inbox into the main <c>inbox</c> table
    /// (SQLite; the scorer moves them within milliseconds), for tests that read <c>inbox</c> right after a 200.
    /// </summary>
    public Task InboxMovedAsync() => WaitUntilAsync(async () => await Service<HelpdeskGamify.Connector.Ingest.InboxStaging>().CountUnmovedAsync() == 0,
        what: "the scorer to move the staging inbox");

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}.");
            }
            await Task.Delay(25);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!_ownsData)
        {
            return;
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record TokenBody(string Token);
}

using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.Connector.Tenants;
using HelpdeskGamify.Connector.Tests.Fakes;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.HelpdeskApi;

/// <summary>A real AgentHub wired to a fake Zendesk and a fake Freshdesk on loopback, with fast retries and small pages.</summary>
public sealed class ConnectHarness : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", Guid.NewGuid().ToString("n"));

    private ConnectHarness(FakeZendesk zendesk, FakeFreshdesk freshdesk, Dictionary<string, string?> settings)
    {
        Zendesk = zendesk;
        Freshdesk = freshdesk;
        _settings = settings;
        Host = new GameHost(settings, dataDirectory: _dataDirectory);
    }

    public FakeZendesk Zendesk { get; }
    public FakeFreshdesk Freshdesk { get; }
    public GameHost Host { get; private set; }

    /// <summary>Stops the host and starts another on the same database (a node restart), with <paramref name="changes"/> applied to its settings.</summary>
    public void Restart(IReadOnlyDictionary<string, string?>? changes = null)
    {
        Host.Dispose();
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        Host = new GameHost(_settings, dataDirectory: _dataDirectory);
    }

    public static async Task<ConnectHarness> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var zendesk = new FakeZendesk();
        var freshdesk = new FakeFreshdesk();
        await zendesk.StartAsync();
        await freshdesk.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Zendesk:BaseUrlOverride"] = zendesk.BaseUrl,
            ["Zendesk:PageSize"] = "2",
            ["Zendesk:RetryBaseDelay"] = "00:00:00.050",
            ["Zendesk:MaxRetryDelay"] = "00:00:05",
            ["Zendesk:MaxAttempts"] = "4",
            ["Freshdesk:BaseUrlOverride"] = freshdesk.BaseUrl,
            ["Freshdesk:PageSize"] = "2",
            ["Freshdesk:RetryBaseDelay"] = "00:00:00.050",
            ["Freshdesk:MaxRetryDelay"] = "00:00:05",
            ["Freshdesk:MaxAttempts"] = "4",
            ["Freshdesk:CsatPollEnabled"] = "false",
            ["Reconcile:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return new ConnectHarness(zendesk, freshdesk, settings);
    }

    public async Task CreateZendeskTenantAsync(string tenant, string apiToken = FakeZendesk.ApiToken)
    {
        using var admin = Host.AdminClient();
        using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new
        {
            name = "Acme",
            platform = "zendesk",
            zendesk = new { subdomain = tenant, apiEmail = FakeZendesk.Email, apiToken, messagingApiKey = "messaging-key-0123456789" },
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task CreateFreshdeskTenantAsync(string tenant, string apiKey = FakeFreshdesk.ApiKey, string? webhookToken = null)
    {
        using var admin = Host.AdminClient();
        using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new
        {
            name = "Fresh Co",
            platform = "freshdesk",
            freshdesk = new { domain = tenant + ".freshdesk.com", apiKey, webhookToken },
        });
        response.EnsureSuccessStatusCode();
    }

    public Task<Tenant> TenantAsync(string tenant) => Host.Service<TenantStore>().FindAsync(tenant)!;

    public async Task<JsonElement> PostAdminAsync(string path, object body, int expectedStatus = 200)
    {
        using var admin = Host.AdminClient();
        using var response = await admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reads the main database once the scorer has moved every acknowledged fact out of the staging inbox.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await GameHost.WaitUntilAsync(async () => await Host.Service<InboxStaging>().CountUnmovedAsync() == 0, what: "the staging inbox to be moved");
        await using var connection = await Host.Service<Database>().OpenAsync();
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    /// <summary>Waits until the scorer has processed every inbox row.</summary>
    public Task ScoredAsync() => GameHost.WaitUntilAsync(async () =>
        (await QueryAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 0"))[0] == 0, what: "the scorer to drain the inbox");

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Zendesk.DisposeAsync();
        await Freshdesk.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

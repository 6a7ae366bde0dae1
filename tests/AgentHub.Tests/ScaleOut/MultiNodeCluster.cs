using System.Net.Http.Json;
using System.Security.Cryptography;
using HelpdeskGamify.TestSupport;
using HelpdeskGamify.TestSupport.ScaleOut;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.AgentHub.Tests.ScaleOut;

/// <summary>Two AgentHub processes sharing one SQLite data directory (WAL) and one redis-server.</summary>
internal sealed class MultiNodeCluster : IDisposable
{
    public const string Tenant = "acme";

    private MultiNodeCluster(RedisServerProcess redis, string dataDirectory, AgentHubProcess a, AgentHubProcess b)
    {
        Redis = redis;
        DataDirectory = dataDirectory;
        A = a;
        B = b;
    }

    public RedisServerProcess Redis { get; }
    public string DataDirectory { get; }
    public AgentHubProcess A { get; }
    public AgentHubProcess B { get; }
    public string Secret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<MultiNodeCluster> StartAsync(TimeSpan leaseDuration, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var redis = await RedisServerProcess.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", "nodes-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(data);
        var settings = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = data,
            ["Admin__ApiKey"] = GameHost.AdminKey,
            ["Auth__SigningKey"] = GameHost.SigningKey,
            ["Redis__ConnectionString"] = redis.ConnectionString,
            ["Scoring__Lease__Duration"] = leaseDuration.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            // The key ring in the shared database, as on SQL Server (the file default would work too here).
            ["DataProtection__KeyStore"] = "Database",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        var a = AgentHubProcess.Start(settings);
        var b = AgentHubProcess.Start(settings);
        var cluster = new MultiNodeCluster(redis, data, a, b);
        try
        {
            await Task.WhenAll(a.WaitReadyAsync(TimeSpan.FromSeconds(60)), b.WaitReadyAsync(TimeSpan.FromSeconds(60)));
            using var admin = a.Client(GameHost.AdminKey);
            using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{Tenant}", new
            {
                name = "Acme",
                platform = "zendesk",
                zendesk = new { subdomain = Tenant, webhookSigningSecret = cluster.Secret },
                widgetSigningSecret = "widget-" + cluster.Secret,
            });
            response.EnsureSuccessStatusCode();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public async Task<string> TokenAsync(AgentHubProcess node, string role, string subject)
    {
        using var admin = node.Client(GameHost.AdminKey);
        using var response = await admin.PostAsJsonAsync($"/api/admin/tenants/{Tenant}/tokens", new { role, subject });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()!;
    }

    public static HubConnection Hub(AgentHubProcess node, string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(node.BaseAddress, "/hubs/game"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();

    /// <summary>Reads the shared database directly, as a third process would.</summary>
    public async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "helpdeskgamify.db")};Pooling=False");
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, "PRAGMA busy_timeout=10000;");
        return (await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql))!;
    }

    /// <summary>Reads rows of two columns from the shared database.</summary>
    public async Task<Dictionary<string, long>> QueryPairsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "helpdeskgamify.db")};Pooling=False");
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, "PRAGMA busy_timeout=10000;");
        return (await Dapper.SqlMapper.QueryAsync<(string Key, long Value)>(connection, sql)).ToDictionary(r => r.Key, r => r.Value);
    }

    /// <summary>A node's all-time board as it serves it: member id → points.</summary>
    public static async Task<Dictionary<string, long>> BoardAsync(AgentHubProcess node, string board)
    {
        using var client = node.Client(GameHost.AdminKey);
        var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/tenants/{Tenant}/leaderboards/{board}?period=all&limit=100");
        return page.GetProperty("entries").EnumerateArray()
            .ToDictionary(e => e.GetProperty("participantId").GetString()!, e => e.GetProperty("points").GetInt64());
    }

    /// <summary>The status of one check on a node's <c>/health/ready</c>, and the HTTP status of the probe.</summary>
    public static async Task<(System.Net.HttpStatusCode Http, string Status, string Description)> ReadyCheckAsync(AgentHubProcess node, string check)
    {
        using var client = node.Client();
        using var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var entry = body.GetProperty("checks").GetProperty(check);
        return (response.StatusCode, entry.GetProperty("status").GetString()!, entry.GetProperty("description").GetString() ?? "");
    }

    public string Describe() => $"--- node A\n{A.Output}\n--- node B\n{B.Output}";

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        Redis.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

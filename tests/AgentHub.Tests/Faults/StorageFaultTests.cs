using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpdeskGamify.TestSupport;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.AgentHub.Tests.Faults;

public sealed class StorageFaultTests
{
    [Fact]
    public async Task Locked_database_answers_503_with_retry_after_reports_it_on_ready_and_recovers_by_itself()
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "helpdeskgamify.db");
        using var host = new GameHost(FastFailing(folder, file));
        var secret = await host.CreateZendeskTenantAsync("acme");
        using var client = host.CreateClient();
        var body = ZendeskWebhooks.Trigger("ticket.solved", "1");
        // Webhooks commit to the staging inbox beside the database (created by the first one): lock both files.
        using (var warm = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, ZendeskWebhooks.Trigger("ticket.solved", "2"))))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await using (var holder = new SqliteConnection($"Data Source={file};Pooling=False"))
        await using (var stagingHolder = new SqliteConnection($"Data Source={Path.Combine(folder, "inbox-staging.db")};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var exclusive = holder.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE; UPDATE storage_probe SET touched_at_ms = 1;";
            await exclusive.ExecuteNonQueryAsync();
            await stagingHolder.OpenAsync();
            await using var stagingExclusive = stagingHolder.CreateCommand();
            stagingExclusive.CommandText = "BEGIN EXCLUSIVE; DELETE FROM inbox WHERE id < 0;";
            await stagingExclusive.ExecuteNonQueryAsync();

            using var refused = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body));
            await AssertUnavailableAsync(refused);
            using var admin = host.AdminClient();
            using var put = await admin.PutAsJsonAsync("/api/admin/tenants/globex", new { name = "Globex", platform = "zendesk" });
            await AssertUnavailableAsync(put);
            var ready = await ReadyAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Contains("locked", ready.Checks["storage-writes"], StringComparison.OrdinalIgnoreCase);
        }

        var recovered = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        using var retried = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, body));
        Assert.Equal("accepted", (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Full_disk_answers_503_reports_it_on_ready_and_recovers_when_space_returns()
    {
        using var disk = TinyFilesystem.TryMount(megabytes: 8);
        Prerequisites.Require(disk is not null, "permission to mount a tmpfs (root)");
        var file = Path.Combine(disk!.Path, "helpdeskgamify.db");
        using var host = new GameHost(FastFailing(disk.Path, file));
        var secret = await host.CreateZendeskTenantAsync("acme");
        using var client = host.CreateClient();
        using (var warm = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, Padded("1"))))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var junk = disk.Fill();
        var refusedTickets = new List<string>();
        for (var i = 2; i < 30 && refusedTickets.Count == 0; i++)
        {
            using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, Padded($"{i}")));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} on a full disk");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                await AssertUnavailableAsync(response);
                refusedTickets.Add($"{i}");
            }
        }
        Assert.NotEmpty(refusedTickets);
        var ready = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Contains("full", ready.Checks["storage-writes"], StringComparison.OrdinalIgnoreCase);

        File.Delete(junk);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);
        foreach (var ticket in refusedTickets)
        {
            using var retried = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", secret, Padded(ticket)));
            Assert.Equal("accepted", (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Fail in about a second instead of waiting out the production lock timeouts.</summary>
    private static Dictionary<string, string?> FastFailing(string folder, string file) => new()
    {
        ["Storage:DataDirectory"] = folder,
        ["Storage:ConnectionString"] = $"Data Source={file};Default Timeout=1;Pooling=True",
        ["Storage:BusyTimeoutMs"] = "300",
    };

    /// <summary>A valid delivery carrying 300 KB of extra text, so the write-ahead log must grow.</summary>
    private static string Padded(string ticket)
    {
        var body = JsonNode.Parse(ZendeskWebhooks.Trigger("ticket.created", ticket))!.AsObject();
        body["padding"] = new string('p', 300_000);
        return body.ToJsonString();
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "503 without Retry-After");
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var checks = body.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString() + ": " + c.Value.GetProperty("description").GetString());
        return (response.StatusCode, checks);
    }
}

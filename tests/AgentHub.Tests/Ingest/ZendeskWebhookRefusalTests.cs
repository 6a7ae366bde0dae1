using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class ZendeskWebhookRefusalTests : IAsyncLifetime
{
    private readonly GameHost _host = new();
    private string _secret = "";

    public async Task InitializeAsync() => _secret = await _host.CreateZendeskTenantAsync("acme");

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Unknown_tenant_gets_the_same_401_as_a_bad_signature()
    {
        using var client = _host.CreateClient();
        var body = ZendeskWebhooks.Trigger("ticket.solved", "1");

        using var unknown = await client.SendAsync(ZendeskWebhooks.SignedPost("nobody", _secret, body));
        using var badSignature = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", "wrong", body));

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badSignature.StatusCode);
        var a = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        var b = await badSignature.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "status", "title", "detail", "type" })
        {
            Assert.Equal(a.GetProperty(field).ToString(), b.GetProperty(field).ToString());
        }
    }

    [Fact]
    public async Task Stale_timestamp_is_refused_even_with_a_valid_signature()
    {
        using var client = _host.CreateClient();
        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", _secret, ZendeskWebhooks.Trigger("ticket.solved", "1"), DateTimeOffset.UtcNow.AddMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountAsync("inbox"));
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_413_with_a_problem()
    {
        using var client = _host.CreateClient();
        var huge = "{\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";

        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", _secret, huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync("dead_letters"));
    }

    [Fact]
    public async Task Non_json_content_type_is_415()
    {
        using var client = _host.CreateClient();
        var request = ZendeskWebhooks.SignedPost("acme", _secret, ZendeskWebhooks.Trigger("ticket.solved", "1"));
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Authenticated_but_unreadable_body_is_422_and_kept_as_a_dead_letter()
    {
        using var client = _host.CreateClient();
        var unquoted = Fixtures.Text("freshdesk/real-world-unquoted-invalid.txt").Split('\n').Last(l => l.StartsWith('{'));

        using var response = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", _secret, unquoted));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("inbox"));
        using var admin = _host.AdminClient();
        var letters = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/dead-letters");
        var letter = Assert.Single(letters.GetProperty("items").EnumerateArray());
        Assert.Equal(unquoted, letter.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Server_keeps_working_after_refusals()
    {
        using var client = _host.CreateClient();
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zendesk/acme") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        (await client.SendAsync(bad)).Dispose();

        using var good = await client.SendAsync(ZendeskWebhooks.SignedPost("acme", _secret, ZendeskWebhooks.Trigger("ticket.solved", "2")));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await _host.Service<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class WebhookOpenApiTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Every_webhook_and_dead_letter_route_is_described_with_its_answers()
    {
        using var client = _host.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        foreach (var source in new[] { "zendesk", "zendesk-messaging", "freshdesk", "freshchat" })
        {
            var responses = paths.GetProperty($"/webhooks/{source}/{{tenant}}").GetProperty("post").GetProperty("responses");
            Assert.All(new[] { "200", "401", "413", "415", "422", "503" }, code => Assert.True(responses.TryGetProperty(code, out _), $"{source} lacks {code}"));
        }
        var letters = "/api/admin/tenants/{tenant}/dead-letters";
        Assert.True(paths.GetProperty(letters).TryGetProperty("get", out _));
        Assert.True(paths.GetProperty(letters + "/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty(letters + "/{id}").TryGetProperty("delete", out _));
        var replay = paths.GetProperty(letters + "/{id}/replay").GetProperty("post").GetProperty("responses");
        Assert.All(new[] { "200", "404", "409", "422", "503" }, code => Assert.True(replay.TryGetProperty(code, out _), $"replay lacks {code}"));
        Assert.True(paths.GetProperty(letters + "/{id}/discard").TryGetProperty("post", out _));
    }

    public void Dispose() => _host.Dispose();
}

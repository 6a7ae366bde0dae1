using System.Net;
using System.Net.Http.Headers;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

public sealed class WebhookLimitsTests : IDisposable
{
    private readonly GameHost _host = new();

    [Theory]
    [InlineData("zendesk-messaging")]
    [InlineData("freshdesk")]
    [InlineData("freshchat")]
    public async Task Every_route_refuses_non_json_with_415_and_oversized_bodies_with_413(string source)
    {
        await _host.CreateFreshdeskTenantAsync("acme", "token-0123456789", "");
        using var client = _host.CreateClient();

        using var text = await client.PostAsync($"/webhooks/{source}/acme", new StringContent("{}", MediaTypeHeaderValue.Parse("text/plain")));
        using var huge = await client.PostAsync($"/webhooks/{source}/acme",
            new ByteArrayContent(new byte[WebhookReceiver.MaxBodyBytes + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("application/problem+json", huge.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _host.Dispose();
}

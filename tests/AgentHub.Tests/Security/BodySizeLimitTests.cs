using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Security;

public sealed class BodySizeLimitTests : IDisposable
{
    private readonly GameHost _host = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_api_body_over_the_limit_is_refused_with_413_problem_and_the_node_keeps_serving(bool chunked)
    {
        using var admin = _host.AdminClient();
        var body = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"platform\":\"zendesk\"}");
        HttpContent content = chunked ? new StreamContent(new UnseekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/admin/tenants/acme") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/tenants/acme")).StatusCode);
        await _host.CreateZendeskTenantAsync("acme");
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    public void Dispose() => _host.Dispose();
}

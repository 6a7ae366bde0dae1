using HelpdeskGamify.Connector.Zendesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>Maps the helpdesks' webhook routes.</summary>
public static class WebhookEndpoints
{
    /// <summary>Maps <c>POST /webhooks/{source}/{tenant}</c> for every registered source.</summary>
    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous();
        group.MapPost("/zendesk/{tenant}", (string tenant, HttpRequest request, ZendeskWebhookSource source, WebhookReceiver receiver, CancellationToken ct)
                => receiver.ReceiveAsync(source, tenant, request, ct))
            .WithName("ZendeskWebhook")
            .WithSummary("Zendesk event webhooks and trigger webhooks (HMAC-SHA256 signed).");
        return group;
    }
}

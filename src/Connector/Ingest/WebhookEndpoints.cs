using HelpdeskGamify.Connector.Freshchat;
using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.Connector.ZendeskMessaging;
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
        Map<ZendeskWebhookSource>(group, "zendesk", "ZendeskWebhook",
            "Zendesk event webhooks and trigger webhooks (HMAC-SHA256 signed).");
        Map<ZendeskMessagingWebhookSource>(group, "zendesk-messaging", "ZendeskMessagingWebhook",
            "Zendesk messaging (Sunshine Conversations v2 events[]), authenticated by X-API-Key.");
        Map<FreshdeskWebhookSource>(group, "freshdesk", "FreshdeskWebhook",
            "Freshdesk automation rules sending our template, authenticated by X-Webhook-Token or Basic auth.");
        Map<FreshchatWebhookSource>(group, "freshchat", "FreshchatWebhook",
            "Freshchat webhooks, RSA-SHA256 signed (X-Freshchat-Signature).");
        return group;
    }

    private static void Map<TSource>(RouteGroupBuilder group, string segment, string name, string summary)
        where TSource : IWebhookSource =>
        group.MapPost("/" + segment + "/{tenant}", (string tenant, HttpRequest request, TSource source, WebhookReceiver receiver, CancellationToken ct)
                => receiver.ReceiveAsync(source, tenant, request, ct))
            .WithName(name)
            .WithSummary(summary)
            .Accepts<object>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

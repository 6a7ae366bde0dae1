using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Zendesk;

namespace HelpdeskGamify.TestSupport;

/// <summary>Builds signed Zendesk webhook requests the way Zendesk sends them.</summary>
public static class ZendeskWebhooks
{
    /// <summary>A signed POST to <c>/webhooks/zendesk/{tenant}</c>.</summary>
    public static HttpRequestMessage SignedPost(string tenant, string secret, string body, DateTimeOffset? at = null, string? invocationId = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/zendesk/{tenant}")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(ZendeskWebhookSource.TimestampHeader, timestamp);
        request.Headers.Add(ZendeskWebhookSource.SignatureHeader, ZendeskSignature.Compute(secret, timestamp, bytes));
        if (invocationId is not null)
        {
            request.Headers.Add(ZendeskWebhookSource.InvocationIdHeader, invocationId);
        }
        return request;
    }

    /// <summary>Our trigger template, rendered for one ticket event.</summary>
    public static string Trigger(string eventName, string ticketId, string assigneeId = "9001", string requesterId = "7001",
        string satisfaction = "Offered", string priority = "Normal", DateTimeOffset? updatedAt = null,
        string assigneeName = "Ingrid Dahl", string requesterName = "Kari Nordmann", string group = "Tier 1") =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["schema"] = ZendeskPayloadParser.TriggerSchema,
            ["event"] = eventName,
            ["ticket_id"] = ticketId,
            ["status"] = eventName == "ticket.solved" ? "Solved" : "Open",
            ["priority"] = priority,
            ["via"] = "Web form",
            ["tags"] = "",
            ["group"] = group,
            ["assignee_id"] = assigneeId,
            ["assignee_name"] = assigneeName,
            ["requester_id"] = requesterId,
            ["requester_name"] = requesterName,
            ["updated_at"] = (updatedAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture),
            ["satisfaction"] = satisfaction,
        });
}

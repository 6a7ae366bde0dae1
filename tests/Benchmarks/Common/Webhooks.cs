using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Zendesk;

namespace HelpdeskGamify.Benchmarks.Common;

/// <summary>Signed Zendesk trigger webhooks, each a new fact (its own ticket), as the load generator sends them.</summary>
internal static class Webhooks
{
    /// <summary>Our trigger template for "ticket solved", rendered for one ticket (every value quoted, like Zendesk renders it).</summary>
    public static byte[] SolvedBody(string ticketId, int agent, int customer, DateTimeOffset at) => Encoding.UTF8.GetBytes(
        "{\"schema\":\"" + ZendeskPayloadParser.TriggerSchema + "\",\"event\":\"ticket.solved\",\"ticket_id\":\"" + ticketId +
        "\",\"status\":\"Solved\",\"priority\":\"Normal\",\"via\":\"Web form\",\"tags\":\"bench\",\"group\":\"Team " + (agent % 20).ToString(CultureInfo.InvariantCulture) +
        "\",\"assignee_id\":\"" + AgentId(agent) + "\",\"assignee_name\":\"Agent " + agent.ToString(CultureInfo.InvariantCulture) +
        "\",\"requester_id\":\"c" + customer.ToString(CultureInfo.InvariantCulture) + "\",\"requester_name\":\"Customer " + customer.ToString(CultureInfo.InvariantCulture) +
        "\",\"updated_at\":\"" + at.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture) + "\",\"satisfaction\":\"Offered\"}");

    public static string AgentId(int agent) => "a" + agent.ToString(CultureInfo.InvariantCulture);

    /// <summary>A POST with Zendesk's signature headers over <paramref name="body"/>.</summary>
    public static HttpRequestMessage SignedPost(Uri url, string secret, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(ZendeskWebhookSource.TimestampHeader, timestamp);
        request.Headers.Add(ZendeskWebhookSource.SignatureHeader, ZendeskSignature.Compute(secret, timestamp, body));
        return request;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Reliability;

/// <summary>
/// Sends signed Zendesk deliveries like a helpdesk does: concurrently, remembering which ones were
/// acknowledged with a 200 so that everything else can be resent.
/// </summary>
public sealed class WebhookSender(Uri baseAddress, string tenant, string secret, int concurrency = 16) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(40),
    };

    /// <summary>The body of delivery <paramref name="index"/>: one solved ticket, one of 25 agents.</summary>
    public static string Body(int index) => ZendeskWebhooks.Trigger("ticket.solved", (100_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
        assigneeId: AgentOf(index), assigneeName: "Agent " + AgentOf(index), requesterId: (500_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
        updatedAt: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index));

    /// <summary>The agent delivery <paramref name="index"/> is about.</summary>
    public static string AgentOf(int index) => (9000 + (index % 25)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends every index once; returns the answers by index (null for no answer). <paramref name="afterAck"/> runs after each 200.</summary>
    public async Task<IReadOnlyDictionary<int, string?>> SendAsync(IReadOnlyList<int> indexes, Action<int>? afterAck = null, CancellationToken ct = default)
    {
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<int, string?>();
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (index, token) =>
        {
            answers[index] = await SendOneAsync(index, token);
            if (answers[index] is "accepted" or "duplicate")
            {
                afterAck?.Invoke(index);
            }
        });
        return answers;
    }

    /// <summary>The 200 status (accepted or duplicate), the HTTP status as text, or null when no answer came.</summary>
    public async Task<string?> SendOneAsync(int index, CancellationToken ct = default)
    {
        try
        {
            using var request = ZendeskWebhooks.SignedPost(tenant, secret, Body(index), invocationId: $"inv-{index}");
            using var response = await _client.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("status").GetString();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}

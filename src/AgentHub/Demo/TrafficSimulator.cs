using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Zendesk;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Demo;

/// <summary>
/// Plays a small helpdesk: agents solve tickets and customers rate them. It posts real signed
/// Zendesk webhooks over HTTP to this node's own endpoint, so the demo exercises exactly the path
/// a real Zendesk account would.
/// </summary>
public sealed class TrafficSimulator(
    IHostApplicationLifetime lifetime,
    IServer server,
    DemoTenant demo,
    IHttpClientFactory httpClients,
    IOptions<DemoOptions> options,
    TimeProvider clock,
    ILogger<TrafficSimulator> logger) : BackgroundService
{
    private long _nextTicket = 100_000 + (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 1_000_000) * 10;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.Simulator)
        {
            return;
        }
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }
        var baseUrl = DemoBanner.BaseAddress(server);
        var secret = demo.Current?.Settings.Zendesk?.WebhookSigningSecret;
        if (baseUrl is null || secret is null)
        {
            return;
        }
        var http = httpClients.CreateClient(nameof(TrafficSimulator));
        http.BaseAddress = new Uri(baseUrl);
        var random = new Random();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var body in NextTicket(random))
                {
                    await PostAsync(http, secret, body, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Simulated webhook failed");
            }
            var pause = options.Value.SimulatorInterval * (0.5 + random.NextDouble());
            await Task.Delay(pause, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private IEnumerable<string> NextTicket(Random random)
    {
        var ticket = Interlocked.Increment(ref _nextTicket).ToString(CultureInfo.InvariantCulture);
        var agent = DemoCast.Agents[random.Next(DemoCast.Agents.Count)];
        // The demo site's signed-in customer gets every third ticket, so the widget has something to show.
        var customer = random.Next(3) == 0 ? DemoCast.Customers[0] : DemoCast.Customers[random.Next(DemoCast.Customers.Count)];
        var priority = random.Next(10) switch { < 2 => "Urgent", < 5 => "High", _ => "Normal" };
        var via = random.Next(3) == 0 ? "Chat" : "Web form";
        var now = clock.GetUtcNow();
        var fields = new Dictionary<string, string>
        {
            ["schema"] = ZendeskPayloadParser.TriggerSchema,
            ["ticket_id"] = ticket,
            ["priority"] = priority,
            ["via"] = via,
            ["tags"] = via == "Chat" ? "chat demo" : "demo",
            ["group"] = agent.Team,
            ["assignee_id"] = agent.Id,
            ["assignee_name"] = agent.Name,
            ["requester_id"] = customer.Id,
            ["requester_name"] = customer.Name,
            ["updated_at"] = now.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture),
        };
        yield return Json(fields, "ticket.solved", "Solved", "Offered");
        if (random.Next(10) < 7)
        {
            var good = random.Next(10) < 8;
            yield return Json(fields, "ticket.satisfaction_rated", "Solved", good ? "Good" : "Bad");
        }
    }

    private static string Json(Dictionary<string, string> fields, string eventName, string status, string satisfaction)
    {
        var body = new Dictionary<string, string>(fields) { ["event"] = eventName, ["status"] = status, ["satisfaction"] = satisfaction };
        return JsonSerializer.Serialize(body);
    }

    private async Task PostAsync(HttpClient http, string secret, string body, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/zendesk/{demo.Current!.Id}")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(ZendeskWebhookSource.TimestampHeader, timestamp);
        request.Headers.Add(ZendeskWebhookSource.SignatureHeader, ZendeskSignature.Compute(secret, timestamp, bytes));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Simulated webhook answered {Status}", (int)response.StatusCode);
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var b = ct.Register(() => started.TrySetCanceled(ct));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

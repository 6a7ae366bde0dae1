using System.Diagnostics;
using System.Text.Json;
using HelpdeskGamify.Benchmarks.Common;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.Benchmarks.Connections;

/// <summary>
/// The <c>clients</c> verb: opens N SignalR connections (WebSockets) to one node, says <c>CONNECTED</c>,
/// waits for <c>GO</c> on stdin, then posts one signed webhook and measures when the resulting
/// <c>leaderboardChanged</c> broadcast reaches each connection. Prints <c>RESULT {json}</c>.
/// </summary>
internal static class ClientSwarm
{
    public static async Task<int> RunAsync(Args args)
    {
        var baseUrl = new Uri(args.Required("url"));
        var tokens = await File.ReadAllLinesAsync(args.Required("tokens"));
        var count = args.Int("count", 100);
        var tenant = args.Required("tenant");
        var secret = args.Required("secret");
        var receivedAt = new long[count];
        var connections = new HubConnection[count];
        var failed = 0;
        using var gate = new SemaphoreSlim(args.Int("concurrency", 64));
        var connectStart = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var token = tokens[i % tokens.Length];
            var connection = connections[i] = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUrl, "/hubs/game"), o =>
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .Build();
            connection.On<JsonElement>("leaderboardChanged", _ => Interlocked.CompareExchange(ref receivedAt[i], Stopwatch.GetTimestamp(), 0));
            await gate.WaitAsync();
            try
            {
                await connection.StartAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or TimeoutException or IOException or OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                gate.Release();
            }
        }));
        var connectSeconds = Stats.ElapsedMs(connectStart, Stopwatch.GetTimestamp()) / 1000;
        Console.WriteLine($"CONNECTED {count - failed} {failed} {connectSeconds:0.00}");
        await Console.In.ReadLineAsync();

        using var http = new HttpClient();
        var body = Webhooks.SolvedBody("broadcast-1", 1, 1, DateTimeOffset.UtcNow);
        var sent = Stopwatch.GetTimestamp();
        using (var response = await http.SendAsync(Webhooks.SignedPost(new Uri(baseUrl, "/webhooks/zendesk/" + tenant), secret, body)))
        {
            response.EnsureSuccessStatusCode();
        }
        var expected = count - failed;
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (receivedAt.Count(t => t != 0) < expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10);
        }
        var latencies = Stats.Sorted(receivedAt.Where(t => t != 0).Select(t => Stats.ElapsedMs(sent, t)));
        var result = new SwarmResult(count - failed, failed, connectSeconds, latencies.Length,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), latencies.Length > 0 ? latencies[^1] : double.NaN);
        // NaN (nothing received) must still reach the parent, which reports it as a failure.
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result, SwarmJson.Options));
        // The benchmark reads the server's memory and then ends this process; closing 10,000 sockets politely is not measured.
        await Console.In.ReadLineAsync();
        return 0;
    }
}

/// <summary>What the swarm saw.</summary>
internal sealed record SwarmResult(int Connected, int Failed, double ConnectSeconds, int Received, double P50Ms, double P99Ms, double MaxMs);

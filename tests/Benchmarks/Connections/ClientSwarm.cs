using System.Diagnostics;
using System.Text.Json;
using HelpdeskGamify.Benchmarks.Common;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.Benchmarks.Connections;

/// <summary>
/// The <c>clients</c> verb: one of several processes that together hold the swarm. Opens N SignalR
/// connections (WebSockets) to one node, says <c>CONNECTED</c>, waits for <c>GO</c> on stdin (the
/// benchmark then posts the webhook itself) and records, on the machine-wide Stopwatch clock, when
/// the first <c>leaderboardChanged</c> reached each connection. Prints <c>RESULT {json}</c>.
/// </summary>
internal static class ClientSwarm
{
    public static async Task<int> RunAsync(Args args)
    {
        var baseUrl = new Uri(args.Required("url"));
        var tokens = await File.ReadAllLinesAsync(args.Required("tokens"));
        var count = args.Int("count", 100);
        var receivedAt = new long[count];
        var connections = new HubConnection[count];
        var failed = 0;
        using var gate = new SemaphoreSlim(args.Int("concurrency", 32));
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

        var expected = count - failed;
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (receivedAt.Count(t => t != 0) < expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10);
        }
        var result = new SwarmResult(count - failed, failed, connectSeconds, receivedAt.Where(t => t != 0).ToArray());
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result, SwarmJson.Options));
        // The benchmark reads the server's memory and then ends this process; closing thousands of sockets politely is not measured.
        await Console.In.ReadLineAsync();
        return 0;
    }
}

/// <summary>What one swarm process saw: the Stopwatch timestamp of each delivery.</summary>
internal sealed record SwarmResult(int Connected, int Failed, double ConnectSeconds, long[] ReceivedAt);

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using HelpdeskGamify.Benchmarks.Common;

namespace HelpdeskGamify.Benchmarks.Ingest;

/// <summary>
/// The <c>loadgen</c> verb: N connections posting signed webhooks, each a new ticket, as fast as the
/// server answers, for a warm-up and then a measured window. Runs in its own process and prints one
/// <c>RESULT {json}</c> line: how many were sent, answered 200 and failed, and the ack latencies.
/// </summary>
internal static class LoadGenerator
{
    public const int Agents = 500;
    public const int Customers = 5000;

    public static async Task<int> RunAsync(Args args)
    {
        var url = new Uri(args.Required("url"));
        var secret = args.Required("secret");
        var connections = args.Int("connections", 64);
        var warmup = TimeSpan.FromSeconds(args.Double("warmup", 1));
        var measured = TimeSpan.FromSeconds(args.Double("seconds", 5));
        var prefix = args.Required("prefix");
        var agents = args.Int("agents", Agents);
        var customers = args.Int("customers", Customers);
        // One occurred-at for the whole run, so that a body can be rebuilt byte for byte to test redelivery.
        var at = DateTimeOffset.Parse(args.Required("at"), CultureInfo.InvariantCulture);

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        long next = 0, sent = 0, ok = 0, failed = 0;
        var statuses = new Dictionary<string, long>();
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[connections];

        async Task WorkerAsync(int worker)
        {
            var mine = latencies[worker] = new List<double>(100_000);
            while (true)
            {
                var begin = Stopwatch.GetTimestamp();
                if (begin >= stopAt)
                {
                    return;
                }
                var i = Interlocked.Increment(ref next);
                var body = Webhooks.SolvedBody($"{prefix}-{i}", (int)(i % agents), (int)(i % customers), at);
                using var request = Webhooks.SignedPost(url, secret, body);
                string outcome;
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    Interlocked.Increment(ref response.IsSuccessStatusCode ? ref ok : ref failed);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    outcome = ex.GetType().Name;
                    Interlocked.Increment(ref failed);
                }
                Interlocked.Increment(ref sent);
                var end = Stopwatch.GetTimestamp();
                if (begin >= measureFrom)
                {
                    mine.Add(Stats.ElapsedMs(begin, end));
                }
                lock (statuses)
                {
                    statuses[outcome] = statuses.GetValueOrDefault(outcome) + 1;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(() => WorkerAsync(w))));
        var elapsedMeasured = Stats.ElapsedMs(measureFrom, Stopwatch.GetTimestamp()) / 1000.0;
        var sorted = Stats.Sorted(latencies.SelectMany(l => l));
        var result = new LoadResult(
            Sent: sent, Ok: ok, Failed: failed, LastTicket: next,
            MeasuredRequests: sorted.Length, MeasuredSeconds: elapsedMeasured,
            RequestsPerSecond: sorted.Length / elapsedMeasured,
            P50Ms: Stats.Percentile(sorted, 50), P90Ms: Stats.Percentile(sorted, 90), P99Ms: Stats.Percentile(sorted, 99),
            MaxMs: sorted.Length > 0 ? sorted[^1] : double.NaN,
            CpuMs: (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds,
            Statuses: statuses);
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>The body the generator sent for request <paramref name="i"/> of a run.</summary>
    public static byte[] BodyOf(string prefix, long i, DateTimeOffset at) =>
        Webhooks.SolvedBody($"{prefix}-{i}", (int)(i % Agents), (int)(i % Customers), at);

    /// <summary>Starts a generator process against <paramref name="url"/> and waits for its result.</summary>
    public static async Task<LoadResult> RunChildAsync(Uri url, string secret, string prefix, DateTimeOffset at, int connections, double warmupSeconds, double seconds)
    {
        await using var child = Child.StartSelf("loadgen", "--url", url.ToString(), "--secret", secret, "--prefix", prefix,
            "--at", at.ToString("O", CultureInfo.InvariantCulture),
            "--connections", connections.ToString(CultureInfo.InvariantCulture),
            "--warmup", warmupSeconds.ToString(CultureInfo.InvariantCulture), "--seconds", seconds.ToString(CultureInfo.InvariantCulture));
        var line = await child.WaitForLineAsync("RESULT ", TimeSpan.FromSeconds(warmupSeconds + seconds + 90));
        return JsonSerializer.Deserialize<LoadResult>(line)!;
    }
}

/// <summary>What one generator run saw.</summary>
internal sealed record LoadResult(
    long Sent, long Ok, long Failed, long LastTicket,
    long MeasuredRequests, double MeasuredSeconds, double RequestsPerSecond,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, double CpuMs,
    Dictionary<string, long> Statuses);

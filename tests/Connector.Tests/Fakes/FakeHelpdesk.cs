using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Tests.Fakes;

/// <summary>
/// A helpdesk API served by Kestrel on a loopback port: real HTTP, so the Flurl clients run exactly
/// as in production. Records every request, checks Basic credentials, and answers 429 on demand.
/// </summary>
public abstract class FakeHelpdesk : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int?>> _throttles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> _stalls = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>The base URL (http://127.0.0.1:port).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The Basic credentials the fake accepts (user, password).</summary>
    protected abstract (string User, string Password) Credentials { get; }

    /// <summary>Maps the fake's routes.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>Answers the next <paramref name="times"/> requests to <paramref name="path"/> with 429 (with Retry-After seconds when given).</summary>
    public void Throttle(string path, int times, int? retryAfterSeconds)
    {
        var queue = _throttles.GetOrAdd(path, _ => new ConcurrentQueue<int?>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(retryAfterSeconds);
        }
    }

    /// <summary>Holds the next <paramref name="times"/> answers to <paramref name="path"/> back for <paramref name="delay"/>.</summary>
    public void Stall(string path, int times, TimeSpan delay)
    {
        var queue = _stalls.GetOrAdd(path, _ => new ConcurrentQueue<TimeSpan>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(delay);
        }
    }

    /// <summary>While true, every request is answered 503 (the helpdesk is down).</summary>
    public bool Down { get; set; }

    /// <summary>Requests whose path is <paramref name="path"/>.</summary>
    public IReadOnlyList<RecordedRequest> To(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    /// <summary>Starts listening.</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "", context.Request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow));
            if (_stalls.TryGetValue(context.Request.Path.Value ?? "", out var stalls) && stalls.TryDequeue(out var stall))
            {
                try
                {
                    await Task.Delay(stall, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (Down)
            {
                context.Response.StatusCode = 503;
                return;
            }
            if (_throttles.TryGetValue(context.Request.Path.Value ?? "", out var queue) && queue.TryDequeue(out var retryAfter))
            {
                context.Response.StatusCode = 429;
                if (retryAfter is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return;
            }
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials.User + ":" + Credentials.Password));
            if (context.Request.Headers.Authorization.ToString() != expected)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("{\"error\":\"Couldn't authenticate you\"}");
                return;
            }
            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>An integer query parameter, or a default.</summary>
    protected static int IntQuery(HttpRequest request, string name, int fallback) =>
        int.TryParse(request.Query[name].ToString(), out var v) ? v : fallback;
}

/// <summary>A request the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string Authorization, string Body, DateTimeOffset At);

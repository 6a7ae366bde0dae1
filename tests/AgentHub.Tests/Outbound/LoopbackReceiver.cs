using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace HelpdeskGamify.AgentHub.Tests.Outbound;

/// <summary>A tiny Kestrel app on loopback that records webhook requests and answers with a chosen status per attempt.</summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackReceiver(WebApplication app, int port)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}/hook";
    }

    /// <summary>Where to subscribe.</summary>
    public string Url { get; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a receiver; <paramref name="status"/> maps the 1-based request number to the status to answer.</summary>
    public static async Task<LoopbackReceiver> StartAsync(Func<int, int> status, int? port = null)
    {
        var chosen = port ?? FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, chosen));
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app, chosen);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new ReceivedWebhook(
                request.Headers["X-HelpdeskGamify-Signature"].ToString(),
                request.Headers["X-HelpdeskGamify-Event-Id"].ToString(),
                request.Headers["X-HelpdeskGamify-Event"].ToString(),
                body));
            return Results.StatusCode(status(receiver.Requests.Count));
        });
        await app.StartAsync();
        return receiver;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the receiver saw it.</summary>
public sealed record ReceivedWebhook(string Signature, string EventId, string EventType, string Body);

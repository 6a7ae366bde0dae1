using System.Net;
using HelpdeskGamify.Benchmarks.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Benchmarks.Ingest;

/// <summary>
/// The <c>serve</c> verb: the two references the real node is measured against, on the same route and
/// Kestrel as the AgentHub, each in its own process. <c>bare</c> only reads the body and answers 200
/// (the ceiling of HTTP on this machine); <c>naive</c> verifies, parses and commits each request in its
/// own SQLite transaction (<see cref="NaiveIngest"/>).
/// </summary>
internal static class ReferenceServer
{
    public static async Task<int> RunAsync(Args args)
    {
        var kind = args.Required("kind");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        NaiveIngest? naive = null;
        if (kind == "bare")
        {
            app.MapPost("/webhooks/zendesk/{tenant}", async (string tenant, HttpRequest request) =>
            {
                await ReadBodyAsync(request);
                return TypedResults.Ok(new Answer("accepted", 1, 0));
            });
        }
        else if (kind == "naive")
        {
            naive = new NaiveIngest(args.Required("secret"), args.Required("data"));
            app.MapPost("/webhooks/zendesk/{tenant}", async (string tenant, HttpRequest request) =>
            {
                var body = await ReadBodyAsync(request);
                return await naive.AcceptAsync(request, body)
                    ? Results.Ok(new Answer("accepted", 1, 0))
                    : Results.Unauthorized();
            });
        }
        else
        {
            throw new ArgumentException($"Unknown server kind '{kind}'.");
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine("LISTENING " + address);
        // Runs until the benchmark kills it, or closes stdin.
        await Console.In.ReadLineAsync();
        await app.StopAsync();
        naive?.Dispose();
        return 0;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and < 1024 * 1024 ? (int)request.ContentLength : 4096);
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Starts a reference server process and returns it with its webhook URL.</summary>
    public static async Task<(Child Server, Uri Url)> StartChildAsync(string kind, string secret, string dataDirectory)
    {
        var child = Child.StartSelf("serve", "--kind", kind, "--secret", secret, "--data", dataDirectory);
        var address = await child.WaitForLineAsync("LISTENING ", TimeSpan.FromSeconds(60));
        return (child, new Uri(new Uri(address), "/webhooks/zendesk/bench"));
    }

    internal sealed record Answer(string Status, int Accepted, int Duplicates);
}

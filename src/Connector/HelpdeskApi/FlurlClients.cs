using System.Collections.Concurrent;
using Flurl.Http;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// One <see cref="FlurlClient"/> (and so one HttpClient and connection pool) per helpdesk base URL,
/// kept for the life of the process: a client per call would exhaust sockets.
/// </summary>
public sealed class FlurlClients : IDisposable
{
    private readonly ConcurrentDictionary<string, FlurlClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The client for <paramref name="baseUrl"/>.</summary>
    public IFlurlClient For(string baseUrl) => _clients.GetOrAdd(baseUrl, url => new FlurlClient(url));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        _clients.Clear();
    }
}

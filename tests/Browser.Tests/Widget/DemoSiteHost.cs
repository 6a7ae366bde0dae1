using System.Net;
using System.Net.Sockets;
using HelpdeskGamify.AgentHub.Demo;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Browser.Tests.Widget;

/// <summary>
/// AgentHub serving its sample company site (<c>/demo</c>) with the widget, on a fixed loopback
/// port so that a restarted node comes back at the same address, without simulated traffic (the
/// tests post their own webhooks).
/// </summary>
public sealed class DemoSiteHost : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", Guid.NewGuid().ToString("n"));

    /// <summary>Starts the first node.</summary>
    public DemoSiteHost()
    {
        Port = FreePort();
        Host = Start();
    }

    /// <summary>The fixed port.</summary>
    public int Port { get; }

    /// <summary>The node now serving.</summary>
    public GameHost Host { get; private set; }

    /// <summary>The demo tenant's Zendesk webhook secret.</summary>
    public string WebhookSecret => Host.Service<DemoTenant>().Current!.Settings.Zendesk!.WebhookSigningSecret!;

    /// <summary>The demo site's page address.</summary>
    public string DemoUrl => new Uri(Host.BaseAddress, "/demo").ToString();

    /// <summary>Stops the node.</summary>
    public void Stop() => Host.Dispose();

    /// <summary>Starts a node again on the same port and data.</summary>
    public void Restart()
    {
        Host = Start();
        _ = Host.BaseAddress;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Host.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private GameHost Start() => new(new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "true",
        ["Demo:Simulator"] = "false",
    }, Port, _dataDirectory);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

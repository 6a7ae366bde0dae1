using System.Net;
using System.Net.Sockets;

namespace HelpdeskGamify.TestSupport.ScaleOut;

/// <summary>Loopback ports nobody listens on (asked of the OS, then released for the child to bind).</summary>
public static class FreePort
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

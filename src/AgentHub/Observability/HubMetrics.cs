using System.Diagnostics.Metrics;
using HelpdeskGamify.Connector;

namespace HelpdeskGamify.AgentHub.Observability;

/// <summary>Open hub connections on this node, under the connector's meter name so one subscription sees all.</summary>
public static class HubMetrics
{
    private static readonly Meter Meter = new(ConnectorTelemetry.Name);

    private static readonly UpDownCounter<long> Connections = Meter.CreateUpDownCounter<long>(
        "helpdeskgamify.hub.connections", "{connection}", "Open /hubs/game connections on this node.");

    /// <summary>A connection joined its groups.</summary>
    public static void Connected(string tenantId, string role) =>
        Connections.Add(1, new KeyValuePair<string, object?>("tenant", tenantId), new KeyValuePair<string, object?>("role", role));

    /// <summary>A counted connection went away.</summary>
    public static void Disconnected(string tenantId, string role) =>
        Connections.Add(-1, new KeyValuePair<string, object?>("tenant", tenantId), new KeyValuePair<string, object?>("role", role));
}

using HelpdeskGamify.Connector;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HelpdeskGamify.AgentHub.Observability;

/// <summary>
/// OpenTelemetry metrics, traces and logs over OTLP, switched on by the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> setting (environment or configuration). Without it nothing is
/// collected, so a single node pays nothing; <c>OTEL_SERVICE_NAME</c> and the other standard
/// <c>OTEL_*</c> variables are honoured by the SDK.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The setting that turns the exporter on.</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Adds the exporters when an endpoint is configured.</summary>
    public static IHostApplicationBuilder AddGameTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            return builder;
        }
        builder.Logging.AddOpenTelemetry(o =>
        {
            // Scopes carry the tenant and delivery ids of each webhook's log lines.
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName: "helpdeskgamify-agenthub", serviceInstanceId: Environment.MachineName))
            .WithMetrics(m => m.AddMeter(ConnectorTelemetry.Name).AddAspNetCoreInstrumentation())
            .WithTracing(t => t.AddSource(ConnectorTelemetry.Name).AddAspNetCoreInstrumentation(o =>
                // Probes every few seconds would drown the traces that matter.
                o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal)))
            .UseOtlpExporter();
        return builder;
    }
}

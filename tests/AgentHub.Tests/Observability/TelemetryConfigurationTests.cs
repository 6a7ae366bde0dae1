using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HelpdeskGamify.AgentHub.Tests.Observability;

public sealed class TelemetryConfigurationTests
{
    [Fact]
    public void An_OTLP_endpoint_turns_on_metric_and_trace_export()
    {
        using var host = new OtlpHost();

        Assert.NotNull(host.Service<IServiceProvider>().GetService<MeterProvider>());
        Assert.NotNull(host.Service<IServiceProvider>().GetService<TracerProvider>());
    }

    [Fact]
    public void Without_an_endpoint_nothing_is_collected()
    {
        using var host = new GameHost();

        Assert.Null(host.Service<IServiceProvider>().GetService<MeterProvider>());
        Assert.Null(host.Service<IServiceProvider>().GetService<TracerProvider>());
    }

    // The switch is read while services are registered, before test configuration sources apply;
    // a host setting is visible then, as an environment variable is in production.
    private sealed class OtlpHost : GameHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317");
        }
    }
}

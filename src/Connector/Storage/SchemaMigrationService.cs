using Microsoft.Extensions.Hosting;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// Applies migrations at start, before the inbox writer and the scorer start (hosted services
/// start in registration order), and tells the readiness probe when the schema is current.
/// </summary>
public sealed class SchemaMigrationService(MigrationRunner runner) : IHostedService
{
    /// <summary>Whether the schema is current, for <c>/health/ready</c>.</summary>
    public bool Ready { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await runner.ApplyAsync(cancellationToken);
        Ready = true;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

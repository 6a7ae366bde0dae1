using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpdeskGamify.AgentHub.Health;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (schema migrated, database reachable).</summary>
public static class HealthEndpoints
{
    /// <summary>Registers the checks.</summary>
    public static IServiceCollection AddGameHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StorageWriteHealthCheck>("storage-writes", tags: ["ready"])
            .AddCheck<ScoringBacklogHealthCheck>("scoring", tags: ["ready"]);
        services.AddExceptionHandler<StorageFaultHandler>();
        return services;
    }

    /// <summary>Maps the two probes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        }));
    }
}

/// <summary>Ready when migrations have run and a trivial query answers.</summary>
public sealed class DatabaseHealthCheck(Database database, SchemaMigrationService migrations) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrations.Ready)
        {
            return HealthCheckResult.Unhealthy("Schema migrations have not finished.");
        }
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy($"{database.Provider} reachable, schema current.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} unreachable: {ex.GetType().Name}.");
        }
    }
}

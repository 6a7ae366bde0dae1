using System.Globalization;
using System.Text.Json;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Storage;
using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.AgentHub.Cli;

/// <summary>
/// Admin verbs run by the AgentHub executable instead of the web host:
/// <c>setup --tenant acme --public-url https://…</c>, <c>sync --tenant acme</c>,
/// <c>backfill --tenant acme [--days 30]</c>. They use the same configuration (database, keys)
/// as the server, apply migrations first, print a JSON report and exit.
/// </summary>
public static class ConnectCommand
{
    private static readonly string[] Verbs = ["setup", "sync", "backfill"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Whether <paramref name="args"/> name one of these verbs.</summary>
    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Sends every log line to stderr, so that stdout carries only the JSON report.</summary>
    public static void LogToStandardError(IHostApplicationBuilder builder) =>
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

    /// <summary>Runs the verb; returns the process exit code (0 ok, 1 failed, 2 bad arguments).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var verb = args[0];
        var tenantId = Option(args, "--tenant");
        if (tenantId is null)
        {
            await output.WriteLineAsync($"usage: {verb} --tenant <id>" + (verb == "setup" ? " --public-url https://…" : verb == "backfill" ? " [--days 30]" : ""));
            return 2;
        }
        await services.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
        var tenant = await services.GetRequiredService<TenantDirectory>().FindAsync(tenantId, ct);
        if (tenant is null)
        {
            await output.WriteLineAsync($"No tenant '{tenantId}'. Create it first: PUT /api/admin/tenants/{tenantId}.");
            return 1;
        }
        var connections = services.GetRequiredService<HelpdeskConnections>();
        try
        {
            object result;
            switch (verb)
            {
                case "setup":
                    if (!PublicUrls.TryParse(Option(args, "--public-url"), out var publicUrl))
                    {
                        await output.WriteLineAsync("--public-url must be the absolute base URL of this AgentHub, e.g. https://gamify.example.com");
                        return 2;
                    }
                    result = await connections.SetupAsync(tenant, publicUrl, ct);
                    break;
                case "sync":
                    result = await connections.SyncDirectoryAsync(tenant, ct);
                    break;
                default:
                    var days = int.TryParse(Option(args, "--days") ?? "30", NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1;
                    if (days is < 1 or > HelpdeskConnections.MaxBackfillDays)
                    {
                        await output.WriteLineAsync($"--days must be 1 to {HelpdeskConnections.MaxBackfillDays}.");
                        return 2;
                    }
                    result = await connections.BackfillAsync(tenant, days, ct);
                    break;
            }
            await output.WriteLineAsync(JsonSerializer.Serialize(result, result.GetType(), Json));
            return 0;
        }
        catch (Exception ex) when (ex is ApiNotConfiguredException or HelpdeskApiException)
        {
            await output.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length)
            {
                return args[i + 1];
            }
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }
        return null;
    }
}

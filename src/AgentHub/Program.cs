using HelpdeskGamify.AgentHub;
using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.AgentHub.Apps;
using HelpdeskGamify.AgentHub.Demo;
using HelpdeskGamify.AgentHub.Health;
using HelpdeskGamify.AgentHub.Pages;
using HelpdeskGamify.AgentHub.Widget;
using HelpdeskGamify.Connector;
using HelpdeskGamify.Connector.Ingest;

var builder = WebApplication.CreateBuilder(args);
builder.AddConnector();
builder.AddAgentHub();
if (HelpdeskGamify.AgentHub.Cli.ConnectCommand.Handles(args))
{
    HelpdeskGamify.AgentHub.Cli.ConnectCommand.LogToStandardError(builder);
}

var app = builder.Build();
if (HelpdeskGamify.AgentHub.Cli.ConnectCommand.Handles(args))
{
    // Admin verbs (setup, sync, backfill) run against the same configuration and exit without serving.
    Environment.ExitCode = await HelpdeskGamify.AgentHub.Cli.ConnectCommand.RunAsync(app.Services, args, Console.Out);
    return;
}
app.UseAgentHub();
app.MapHealth();
app.MapConnectApi();
app.MapWebhooks();
app.MapAdminApi();
app.MapTenantApi();
app.MapIntegrations();
app.MapWidgetApi();
app.MapAppSessionApi();
app.MapGameHub();
app.MapPages();
app.MapDemoSite();
app.Run();

/// <summary>The entry point, visible to the functional tests.</summary>
public partial class Program;

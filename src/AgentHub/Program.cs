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

var app = builder.Build();
app.UseAgentHub();
app.MapHealth();
app.MapWebhooks();
app.MapAdminApi();
app.MapTenantApi();
app.MapWidgetApi();
app.MapAppSessionApi();
app.MapGameHub();
app.MapPages();
app.MapDemoSite();
app.Run();

/// <summary>The entry point, visible to the functional tests.</summary>
public partial class Program;

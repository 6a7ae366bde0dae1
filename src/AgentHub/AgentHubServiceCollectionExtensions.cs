using System.Text.Json.Serialization;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.AgentHub.Demo;
using HelpdeskGamify.AgentHub.Health;
using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.AgentHub.Observability;
using HelpdeskGamify.AgentHub.ScaleOut;
using HelpdeskGamify.AgentHub.Security;
using HelpdeskGamify.Connector.Scoring;

namespace HelpdeskGamify.AgentHub;

/// <summary>Composes the AgentHub process: auth, hub, problem details, health, demo.</summary>
public static class AgentHubServiceCollectionExtensions
{
    /// <summary>Adds everything the host owns (the connector is added separately).</summary>
    public static IHostApplicationBuilder AddAgentHub(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddOpenApi();
        builder.AddGameAuth();
        services.AddGameSecurity();
        var signalR = services.AddSignalR().AddMessagePackProtocol();
        builder.AddScaleOut(signalR);
        builder.AddGameTelemetry();
        services.AddAgentViews();
        services.AddSingleton<IGameNotifier, SignalRGameNotifier>();
        services.AddSingleton<BoardChangeBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardChangeBroadcaster>());
        services.AddGameHealthChecks();
        services.AddHttpClient();

        services.AddSingleton<Widget.CustomerIdentityValidator>();

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<DemoTenant>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoTenant>());
        services.AddHostedService<DemoBanner>();
        services.AddHostedService<TrafficSimulator>();
        return builder;
    }

    /// <summary>The middleware pipeline, in the order the requests need it.</summary>
    public static WebApplication UseAgentHub(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGameSecurity();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        return app;
    }

    /// <summary>Maps the hub at <c>/hubs/game</c>.</summary>
    public static IEndpointRouteBuilder MapGameHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<GameHub>("/hubs/game");
        return app;
    }
}

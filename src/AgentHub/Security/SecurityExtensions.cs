using Microsoft.AspNetCore.Cors.Infrastructure;

namespace HelpdeskGamify.AgentHub.Security;

/// <summary>Composes the protections every request passes: headers, widget-only CORS, the hub's backplane gate, body and rate limits.</summary>
public static class SecurityExtensions
{
    /// <summary>Registers the options and services.</summary>
    public static IServiceCollection AddGameSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddCors();
        services.AddSingleton<WidgetOriginIndex>();
        services.AddSingleton<ICorsPolicyProvider, TenantCorsPolicyProvider>();
        services.AddTenantRateLimiting();
        return services;
    }

    /// <summary>Adds the middleware, after the exception handler and before static files and auth.</summary>
    public static IApplicationBuilder UseGameSecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseCors();
        app.UseMiddleware<ScaleOut.HubBackplaneGate>();
        app.UseMiddleware<BodySizeLimit>();
        app.UseRateLimiter();
        return app;
    }
}

using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskGamify.AgentHub.Demo;

/// <summary>
/// <c>/demo</c>: a sample company site with the widget, and the one thing a real company's
/// backend would do for it — sign the signed-in customer's identity with the widget secret.
/// Mapped only when the demo is enabled.
/// </summary>
public static class DemoSiteEndpoints
{
    /// <summary>The customer the demo site is signed in as.</summary>
    public static readonly (string Id, string Name) Customer = DemoCast.Customers[0];

    /// <summary>Maps the demo site when <c>Demo:Enabled</c>.</summary>
    public static IEndpointRouteBuilder MapDemoSite(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return app;
        }
        app.MapGet("/demo", (IWebHostEnvironment env) =>
        {
            var file = env.WebRootFileProvider.GetFileInfo("demo/index.html");
            return file.Exists ? Results.File(file.CreateReadStream(), "text/html; charset=utf-8") : Results.NotFound();
        }).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/demo/identity", (DemoTenant demo, TimeProvider clock) =>
        {
            var secret = demo.Current?.Settings.WidgetSigningSecret;
            if (secret is null)
            {
                return Results.NotFound();
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object> { ["sub"] = Customer.Id, ["name"] = Customer.Name },
                Audience = demo.Current!.Id,
                IssuedAt = now,
                Expires = now.AddHours(1),
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
            });
            return Results.Ok(new { identityToken = token, tenant = demo.Current.Id });
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}

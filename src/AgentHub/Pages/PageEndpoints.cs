using HelpdeskGamify.AgentHub.Auth;

namespace HelpdeskGamify.AgentHub.Pages;

/// <summary>The pages AgentHub serves: <c>/agent</c> and <c>/team</c>.</summary>
public static class PageEndpoints
{
    /// <summary>Maps the page routes to their HTML files under wwwroot.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agent", (IWebHostEnvironment env) => Page(env, "agent.html")).ExcludeFromDescription().AllowAnonymous();
        // Browsers keep the token in the fragment, so the page itself is served to them and its API
        // answers 403 to non-leads; a request that does present a token must be a team lead's.
        app.MapGet("/team", (IWebHostEnvironment env, HttpContext http) =>
            http.User.Identity?.IsAuthenticated == true && http.User.Role() is not (Roles.TeamLead or Roles.Admin)
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Team leads only.")
                : Page(env, "team.html")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/", () => TypedResults.Redirect("/agent")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static IResult Page(IWebHostEnvironment env, string file)
    {
        var info = env.WebRootFileProvider.GetFileInfo(file);
        return info.Exists
            ? TypedResults.File(info.CreateReadStream(), "text/html; charset=utf-8")
            : TypedResults.NotFound();
    }
}

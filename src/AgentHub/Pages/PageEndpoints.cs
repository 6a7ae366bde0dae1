namespace HelpdeskGamify.AgentHub.Pages;

/// <summary>The pages AgentHub serves: <c>/agent</c> (and later <c>/team</c>, <c>/demo</c>).</summary>
public static class PageEndpoints
{
    /// <summary>Maps the page routes to their HTML files under wwwroot.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agent", (IWebHostEnvironment env) => Page(env, "agent.html")).ExcludeFromDescription().AllowAnonymous();
        // Served to anyone (the token is in the fragment, never sent); its API answers 403 to non-leads.
        app.MapGet("/team", (IWebHostEnvironment env) => Page(env, "team.html")).ExcludeFromDescription().AllowAnonymous();
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

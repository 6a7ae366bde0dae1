namespace HelpdeskGamify.AgentHub.Auth;

/// <summary>
/// Refuses any request whose token belongs to another tenant than the <c>{tenant}</c> in its route.
/// Applied to the whole <c>/api/tenants/{tenant}</c> group so no route can forget it.
/// </summary>
public sealed class TenantAccessFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tenant = context.HttpContext.GetRouteValue("tenant") as string;
        if (tenant is null || !context.HttpContext.User.BelongsTo(tenant))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "This token is not valid for this tenant.");
        }
        return await next(context);
    }
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Security;

/// <summary>
/// Caps API request bodies well below Kestrel's 30 MB default. A declared length over the cap is
/// refused at once with a 413 problem; a chunked body that grows past it makes Kestrel fail the read,
/// which the endpoints report as 413 too. Webhooks keep their own 1 MiB limit in the receiver.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next, IOptions<SecurityOptions> options)
{
    /// <summary>Applies the cap to API requests.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (RequestPartition.Of(context.Request.Path) is not { Kind: RequestPartition.TenantApi or RequestPartition.AdminApi })
        {
            return next(context);
        }
        var limit = options.Value.ApiMaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large.",
                detail: $"API bodies are limited to {limit} bytes.").ExecuteAsync(context);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        return next(context);
    }
}

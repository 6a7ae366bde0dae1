using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.AgentHub.Security;

/// <summary>
/// Token buckets per tenant for webhooks and the API (ASP.NET Core rate limiting as the global
/// limiter, so routes added later are covered without opting in). A refusal is a 429 problem with
/// <c>Retry-After</c>, which Zendesk and Freshdesk honour by retrying later.
/// </summary>
public static class TenantRateLimiting
{
    /// <summary>Registers the limiter.</summary>
    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            var s = security.Value;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RequestPartition>(context =>
                RequestPartition.Of(context.Request.Path) is { } p
                    ? RateLimitPartition.GetTokenBucketLimiter(p, key => Bucket(key.Kind == RequestPartition.Webhooks ? (s.WebhookBurst, s.WebhookPerSecond) : (s.ApiBurst, s.ApiPerSecond)))
                    : RateLimitPartition.GetNoLimiter(new RequestPartition("none", "")));
            o.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket((int Burst, int PerSecond) limits) => new()
    {
        TokenLimit = limits.Burst,
        TokensPerPeriod = limits.PerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests for this tenant.",
            detail: $"Retry after {retryAfter} s.").ExecuteAsync(http);
    }
}

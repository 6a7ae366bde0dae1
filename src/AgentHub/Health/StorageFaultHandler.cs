using System.Data.Common;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace HelpdeskGamify.AgentHub.Health;

/// <summary>
/// Turns a database that cannot be reached or written (lock held, disk full, server gone) into a
/// 503 problem with <c>Retry-After</c> on every route, instead of a 500: the caller did nothing
/// wrong, nothing was recorded, and a retry will succeed once the node recovers.
/// </summary>
public sealed class StorageFaultHandler(StorageHealth health, ILogger<StorageFaultHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a caller should wait before retrying.</summary>
    public const int RetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsStorageFault(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        health.RecordFailure(exception);
        logger.LogWarning("Answered 503: storage unavailable ({Reason})", StorageHealth.Describe(exception));
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage is unavailable right now.",
            detail: "Nothing was recorded. Retry later; /health/ready says what is wrong.").ExecuteAsync(httpContext);
        return true;
    }

    private static bool IsStorageFault(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException or InboxUnavailableException || (e is IOException && e.HResult is 28 or unchecked((int)0x80070070)))
            {
                return true;
            }
        }
        return false;
    }
}

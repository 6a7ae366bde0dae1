using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>The RFC 7807 answers of the webhook routes, worded for the admin reading the helpdesk's delivery log.</summary>
public static class WebhookProblems
{
    /// <summary>The <c>Retry-After</c> sent with a 503, in seconds.</summary>
    public const string RetryAfterSeconds = "5";

    /// <summary>401: missing or wrong signature or key, stale timestamp, or unknown tenant — deliberately one answer.</summary>
    public static ProblemHttpResult Unauthenticated() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "The webhook could not be authenticated.",
        detail: "Check the signing secret or token configured for this tenant, and that the sender's clock is within five minutes.");

    /// <summary>413: the body is over 1 MiB.</summary>
    public static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large.",
        detail: $"Webhook bodies are limited to {WebhookReceiver.MaxBodyBytes} bytes.");

    /// <summary>415: not JSON.</summary>
    public static ProblemHttpResult NotJson(string? contentType) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "The body must be JSON.",
        detail: $"Send Content-Type: application/json (got '{(contentType ?? "none").Split(';')[0]}').");

    /// <summary>422: authenticated, but the body cannot be understood; it was kept as a dead letter.</summary>
    public static ProblemHttpResult Unreadable(string reason) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "The webhook body could not be understood.",
        detail: reason + " The delivery was kept in the dead-letter list and can be replayed after the template is fixed.");

    /// <summary>503: the delivery could not be made durable; the helpdesk should retry.</summary>
    public static ProblemHttpResult Unavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The delivery could not be stored right now.",
        detail: "Nothing was recorded. Retry later.");
}

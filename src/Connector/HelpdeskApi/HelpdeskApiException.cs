namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// A helpdesk API call that failed for good. The message names the provider, method, path and
/// status only: never the query, headers or body, so it is safe to log (no credentials in it).
/// </summary>
public sealed class HelpdeskApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HelpdeskApiException(string provider, string method, string path, int status, string detail)
        : base($"{provider} API {method} {path} failed: {(status == 0 ? "no response" : "HTTP " + status)} ({detail}).")
    {
        Provider = provider;
        Status = status;
    }

    /// <summary>zendesk or freshdesk.</summary>
    public string Provider { get; }

    /// <summary>The HTTP status, or 0 when no response came (timeout, network error).</summary>
    public int Status { get; }

    /// <summary>How long the helpdesk asked us to wait (<c>Retry-After</c> of its last answer), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether the credentials were refused.</summary>
    public bool Unauthorized => Status is 401 or 403;
}

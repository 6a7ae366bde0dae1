namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>The addresses helpdesks are told to call, from the public base URL of this AgentHub.</summary>
public static class PublicUrls
{
    /// <summary>Checks a public base URL: absolute http(s), no query or fragment.</summary>
    public static bool TryParse(string? value, out Uri baseUrl)
    {
        baseUrl = null!;
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }
        baseUrl = uri;
        return true;
    }

    /// <summary><c>{base}/webhooks/{source}/{tenant}</c>, keeping a path base such as <c>/gamify</c>.</summary>
    public static string Webhook(Uri publicBaseUrl, string source, string tenant) =>
        publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + $"/webhooks/{source}/{tenant}";
}

using System.Text.RegularExpressions;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>Reads RFC 8288 <c>Link</c> headers, as Freshdesk uses them for pagination.</summary>
public static partial class LinkHeader
{
    /// <summary>The target of <c>rel="next"</c>, or null on the last page.</summary>
    public static Uri? Next(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            foreach (Match m in Entry().Matches(value))
            {
                var rels = m.Groups["rel"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (rels.Contains("next", StringComparer.OrdinalIgnoreCase)
                    && Uri.TryCreate(m.Groups["url"].Value, UriKind.Absolute, out var uri))
                {
                    return uri;
                }
            }
        }
        return null;
    }

    [GeneratedRegex("""<(?<url>[^>]+)>\s*;[^,]*?rel\s*=\s*"?(?<rel>[^";,]+)"?""", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();
}

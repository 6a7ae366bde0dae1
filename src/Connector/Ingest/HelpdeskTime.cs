using System.Globalization;
using System.Text.RegularExpressions;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Parses the timestamps helpdesks send: ISO 8601 with up to nine fractional digits (Zendesk
/// events), or with minutes only (Zendesk's <c>updated_at_with_timestamp</c> placeholder).
/// </summary>
public static partial class HelpdeskTime
{
    /// <summary>Parses a helpdesk timestamp; a value without an offset is taken as UTC.</summary>
    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
        {
            return false;
        }
        // .NET reads at most seven fractional digits; nanoseconds add nothing we need.
        var text = LongFraction().Replace(value.Trim(), m => m.Groups[1].Value);
        if (MinutesOnly().IsMatch(text))
        {
            text = text.Insert(16, ":00");
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out result);
    }

    [GeneratedRegex(@"(\.\d{7})\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LongFraction();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex MinutesOnly();
}

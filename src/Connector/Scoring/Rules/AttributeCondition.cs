using System.Globalization;
using System.Text.Json;
using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>
/// A condition on one attribute of a custom event: it must be present and, when given, equal
/// <see cref="EqualTo"/> and lie within [<see cref="Min"/>, <see cref="Max"/>].
/// </summary>
public sealed record AttributeCondition
{
    /// <summary>The attribute name, as in the event type's schema.</summary>
    public required string Name { get; init; }

    /// <summary>The value must equal this (strings compare ordinally, booleans as <c>true</c>/<c>false</c>).</summary>
    public string? EqualTo { get; init; }

    /// <summary>The value must be a number at least this large.</summary>
    public double? Min { get; init; }

    /// <summary>The value must be a number at most this large.</summary>
    public double? Max { get; init; }

    /// <summary>Whether the event type and attribute conditions of <paramref name="c"/> hold for <paramref name="e"/>.</summary>
    public static bool Matches(RuleConditions c, HelpdeskEvent e) =>
        (c.EventTypes is null || (e.EventType is not null && c.EventTypes.Contains(e.EventType, StringComparer.Ordinal)))
        && (c.Attributes is null || c.Attributes.All(a => a.Holds(e)));

    private bool Holds(HelpdeskEvent e)
    {
        if (e.Attributes is null || !e.Attributes.TryGetValue(Name, out var value))
        {
            return false;
        }
        if (EqualTo is not null && !string.Equals(Text(value), EqualTo, StringComparison.Ordinal))
        {
            return false;
        }
        if (Min is null && Max is null)
        {
            return true;
        }
        return Number(value) is { } n && (Min is null || n >= Min) && (Max is null || n <= Max);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}

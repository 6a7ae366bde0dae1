using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace HelpdeskGamify.Connector.CustomEvents;

/// <summary>The value types an attribute can have.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttributeType>))]
public enum AttributeType
{
    /// <summary>A JSON string.</summary>
    [JsonStringEnumMemberName("string")]
    Text,
    /// <summary>A JSON number.</summary>
    [JsonStringEnumMemberName("number")]
    Number,
    /// <summary>A JSON boolean.</summary>
    [JsonStringEnumMemberName("boolean")]
    TrueFalse,
    /// <summary>An ISO 8601 date and time with an offset, as a JSON string.</summary>
    [JsonStringEnumMemberName("datetime")]
    Datetime,
}

/// <summary>One attribute of an event type: its value type and whether every event must carry it.</summary>
public sealed record AttributeSpec(AttributeType Type, bool Required = false);

/// <summary>
/// An event type and its attributes. Events of the type may carry only these attributes, with these
/// types, so that a misspelt attribute is refused with its name rather than silently ignored by rules.
/// </summary>
public sealed partial record EventTypeSchema(string Name, IReadOnlyDictionary<string, AttributeSpec> Attributes)
{
    /// <summary>The most attributes a type may declare.</summary>
    public const int MaxAttributes = 50;

    /// <summary>Whether <paramref name="name"/> is a valid type name: lower-case words joined by dots, dashes or underscores.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Whether <paramref name="name"/> is a valid attribute name (letters, digits, underscores; starts with a letter).</summary>
    public static bool IsValidAttributeName(string? name) => name is not null && AttributeNamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*){0,3}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex AttributeNamePattern();
}

/// <summary>The event types every tenant has; a tenant may redefine one to add attributes.</summary>
public static class BuiltInEventTypes
{
    private static readonly AttributeSpec OptionalString = new(AttributeType.Text);
    private static readonly AttributeSpec OptionalNumber = new(AttributeType.Number);

    /// <summary>The built-in schemas by name.</summary>
    public static IReadOnlyDictionary<string, EventTypeSchema> All { get; } = new[]
    {
        Schema("visit.completed", ("location", OptionalString), ("durationMinutes", OptionalNumber)),
        Schema("review.posted", ("rating", OptionalNumber), ("url", OptionalString), ("site", OptionalString)),
        Schema("survey.completed", ("surveyId", OptionalString), ("score", OptionalNumber)),
        Schema("purchase.completed", ("amount", new AttributeSpec(AttributeType.Number, Required: true)), ("currency", OptionalString), ("orderId", OptionalString)),
        Schema("referral.converted", ("referredCustomerId", OptionalString)),
        Schema("profile.completed"),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    private static EventTypeSchema Schema(string name, params (string Name, AttributeSpec Spec)[] attributes) =>
        new(name, attributes.ToDictionary(a => a.Name, a => a.Spec, StringComparer.Ordinal));
}

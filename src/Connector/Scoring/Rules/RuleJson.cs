using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>The JSON form of a rule set: camelCase names and camelCase enum values (read case-insensitively).</summary>
public static class RuleJson
{
    /// <summary>The serializer options for rule sets.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Writes a rule set.</summary>
    public static string Serialize(RuleSet set) => JsonSerializer.Serialize(set, Options);

    /// <summary>Reads a rule set; throws <see cref="JsonException"/> naming the path of what is wrong.</summary>
    public static RuleSet Deserialize(string json) =>
        JsonSerializer.Deserialize<RuleSet>(json, Options) ?? throw new JsonException("The rule set is empty.");
}

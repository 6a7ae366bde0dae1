using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpdeskGamify.Connector.Events;

/// <summary>How a normalized event is written into the inbox and read back by the scorer.</summary>
public static class EventJson
{
    /// <summary>Web defaults with enums as strings, so stored rows stay readable and stable across enum reordering.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serializes an event for the inbox.</summary>
    public static string Serialize(HelpdeskEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>Reads an event back from the inbox.</summary>
    public static HelpdeskEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<HelpdeskEvent>(json, Options) ?? throw new JsonException("Empty event.");
}

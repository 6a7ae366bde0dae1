using System.Text.Json.Nodes;

namespace HelpdeskGamify.AgentHub.Tests.Hostile;

/// <summary>Sets or removes a value at a slash-separated path in a JSON tree (array indexes as numbers).</summary>
public static class JsonPath
{
    /// <summary>A copy of <paramref name="root"/> with <paramref name="value"/> at <paramref name="path"/> (null value removes it).</summary>
    public static JsonObject With(JsonObject root, string path, JsonNode? value, bool remove = false)
    {
        var copy = root.DeepClone().AsObject();
        var parts = path.Split('/');
        JsonNode node = copy;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var i) && node is JsonArray a ? a[i]! : node[part]!;
        }
        var last = parts[^1];
        if (node is JsonArray array && int.TryParse(last, out var index))
        {
            array[index] = value;
        }
        else if (remove)
        {
            node.AsObject().Remove(last);
        }
        else
        {
            node[last] = value;
        }
        return copy;
    }
}

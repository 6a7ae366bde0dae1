using System.Globalization;
using System.Text.Json;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Lenient readers for helpdesk JSON: ids arrive as strings or numbers, empty placeholders mean
/// "not set", and a wrong type is a <see cref="PayloadException"/> that names the field.
/// </summary>
internal static class JsonFields
{
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> body)
    {
        // JsonDocument checks UTF-8 only when a string is read, which would surface as an
        // InvalidOperationException (a 500) deep in a mapper; refuse it here, by name.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new PayloadException("The body is not valid UTF-8.");
        }
        try
        {
            return JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new PayloadException($"The body is not valid JSON ({ex.Message.Split('.')[0]}). Quote every placeholder in the template.");
        }
    }

    /// <summary>A string value; an escape that is not text (a lone surrogate such as \uD800) is the sender's error, not ours.</summary>
    public static string StringOf(JsonElement value, string name)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw new PayloadException($"'{name}' is not valid text (broken \\u escape).");
        }
    }

    public static JsonElement RequireObject(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException($"'{name}' must be an object.");
        }
        return value;
    }

    public static JsonElement? Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value : null;

    /// <summary>A string or number as text; null when absent, null or empty.</summary>
    public static string? Text(JsonElement parent, string name, int maxLength = 500)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => StringOf(value, name),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new PayloadException($"'{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}."),
        };
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            throw new PayloadException($"'{name}' is longer than {maxLength} characters.");
        }
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new PayloadException($"'{name}' contains control characters.");
        }
        return text;
    }

    public static string RequireText(JsonElement parent, string name, int maxLength = 500) =>
        Text(parent, name, maxLength) ?? throw new PayloadException($"'{name}' is required.");

    /// <summary>A helpdesk id: digits, letters, dashes, colons; nothing that could be mistaken for markup.</summary>
    public static string? Id(JsonElement parent, string name)
    {
        var text = Text(parent, name, 100);
        if (text is null || text == "0")
        {
            return null;
        }
        if (!text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '@' or '+'))
        {
            throw new PayloadException($"'{name}' is not a valid id.");
        }
        return text;
    }

    public static string RequireId(JsonElement parent, string name) =>
        Id(parent, name) ?? throw new PayloadException($"'{name}' is required.");

    public static DateTimeOffset RequireTime(JsonElement parent, string name)
    {
        var text = RequireText(parent, name, 64);
        return HelpdeskTime.TryParse(text, out var time)
            ? time
            : throw new PayloadException($"'{name}' is not a timestamp: '{text}'.");
    }

    public static DateTimeOffset? Time(JsonElement parent, string name)
    {
        var text = Text(parent, name, 64);
        return text is not null && HelpdeskTime.TryParse(text, out var time) ? time : null;
    }

    public static IReadOnlyList<string> Tags(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return [];
        }
        IEnumerable<string?> raw = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? StringOf(t, name) : t.GetRawText()),
            JsonValueKind.String => StringOf(value, name).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
            JsonValueKind.Null => [],
            _ => throw new PayloadException($"'{name}' must be a list of tags."),
        };
        return raw.Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t!.Trim().ToLowerInvariant())
            .Where(t => t.Length <= 100)
            .Distinct(StringComparer.Ordinal)
            .Take(50)
            .ToList();
    }

    public static string Lower(string value) => value.ToLower(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.CustomEvents;

/// <summary>
/// Reads the body of <c>POST /events</c> — one event object, <c>{"events": [...]}</c> or a bare
/// array — and checks each event against its type's schema. Strict on purpose: an unknown field or
/// attribute is an error naming it, because a silently ignored typo costs a customer their points.
/// </summary>
public static class CustomEventParser
{
    /// <summary>The most events one request may carry.</summary>
    public const int MaxEvents = 1000;

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "id", "type", "customerId", "customerName", "agentId", "agentName", "occurredAt", "attributes",
    };

    /// <summary>Parses and validates; throws <see cref="CustomEventBodyException"/> when the body as a whole is unusable.</summary>
    public static ParsedEvents Parse(byte[] body, IReadOnlyDictionary<string, EventTypeSchema> schemas, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new CustomEventBodyException("body", "The body is not valid JSON: " + ex.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            var (isBatch, items) = root.ValueKind switch
            {
                JsonValueKind.Array => (true, root),
                JsonValueKind.Object when root.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array => (true, list),
                JsonValueKind.Object => (false, root),
                _ => throw new CustomEventBodyException("body", "Send one event object, or {\"events\": [...]}."),
            };
            if (!isBatch)
            {
                return new ParsedEvents(false, [ParseOne(0, root, schemas, now)]);
            }
            var count = items.GetArrayLength();
            if (count is 0 or > MaxEvents)
            {
                throw new CustomEventBodyException("events", $"A batch carries 1 to {MaxEvents} events (got {count}).");
            }
            return new ParsedEvents(true, items.EnumerateArray().Select((e, i) => ParseOne(i, e, schemas, now)).ToList());
        }
    }

    /// <summary>Validates one event object (also used by the CSV import, which builds one per row).</summary>
    public static ParsedEvent ParseOne(int index, JsonElement e, IReadOnlyDictionary<string, EventTypeSchema> schemas, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = [message];
        if (e.ValueKind != JsonValueKind.Object)
        {
            Error("event", "Each event must be a JSON object.");
            return new ParsedEvent(index, null, null, errors);
        }
        foreach (var property in e.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            Error(property.Name, $"Unknown field '{property.Name}'. Known fields: {string.Join(", ", Fields)}.");
        }
        var id = Text(e, "id", 180, Error);
        var type = Text(e, "type", 100, Error);
        var customerId = Text(e, "customerId", 200, Error);
        var agentId = Text(e, "agentId", 200, Error);
        var customerName = Text(e, "customerName", 200, Error);
        var agentName = Text(e, "agentName", 200, Error);
        EventTypeSchema? schema = null;
        if (type is null)
        {
            Error("type", "The event type is required.");
        }
        else if (!schemas.TryGetValue(type, out schema))
        {
            Error("type", $"Unknown event type '{type}'. Define it with PUT /api/admin/tenants/{{tenant}}/event-types/{type}, or use a built-in type.");
        }
        if (customerId is null && agentId is null)
        {
            Error("customerId", "Name the customer (customerId) or agent (agentId) the event is about.");
        }
        var occurredAt = OccurredAt(e, now, Error);
        var attributes = schema is null ? null : Attributes(e, schema, Error);
        if (errors.Count > 0)
        {
            return new ParsedEvent(index, id, null, errors);
        }
        var parsed = new HelpdeskEvent
        {
            Source = CustomEventSource.Name,
            Kind = KindOf(type!),
            OccurredAt = occurredAt!.Value,
            SourceEventId = id,
            CustomerId = customerId,
            CustomerName = customerName,
            AgentId = agentId,
            AgentName = agentName,
            EventType = type,
            Attributes = attributes,
        };
        return new ParsedEvent(index, id, parsed, errors) { RawJson = e.GetRawText() };
    }

    /// <summary>
    /// Reviews and surveys are kinds the engine already knows (helpdesk surveys, review sites), so
    /// their rules, badges and quests apply whichever way they arrive; every other type is a custom event.
    /// </summary>
    public static HelpdeskEventKind KindOf(string type) => type switch
    {
        "review.posted" => HelpdeskEventKind.ReviewCompleted,
        "survey.completed" => HelpdeskEventKind.SurveyCompleted,
        _ => HelpdeskEventKind.CustomEvent,
    };

    private static string? Text(JsonElement e, string name, int maxLength, Action<string, string> error)
    {
        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (text is null || text.Length == 0 || text.Length > maxLength)
        {
            error(name, $"Must be a non-empty string of at most {maxLength} characters.");
            return null;
        }
        return text;
    }

    private static DateTimeOffset? OccurredAt(JsonElement e, DateTimeOffset now, Action<string, string> error)
    {
        if (!e.TryGetProperty("occurredAt", out var value) || value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            error("occurredAt", "Required: an ISO 8601 date and time, e.g. 2026-11-20T10:15:00Z.");
            return null;
        }
        if (at > now.AddMinutes(5))
        {
            error("occurredAt", "Must not be in the future.");
            return null;
        }
        return at;
    }

    private static Dictionary<string, JsonElement>? Attributes(JsonElement e, EventTypeSchema schema, Action<string, string> error)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (e.TryGetProperty("attributes", out var attributes) && attributes.ValueKind != JsonValueKind.Null)
        {
            if (attributes.ValueKind != JsonValueKind.Object)
            {
                error("attributes", "Must be an object of attribute names to values.");
                return null;
            }
            foreach (var property in attributes.EnumerateObject())
            {
                if (!schema.Attributes.TryGetValue(property.Name, out var spec))
                {
                    var known = schema.Attributes.Count == 0 ? "none" : string.Join(", ", schema.Attributes.Keys);
                    error("attributes." + property.Name, $"Unknown attribute for '{schema.Name}'. Known attributes: {known}.");
                }
                else if (!HasType(property.Value, spec.Type))
                {
                    error("attributes." + property.Name, $"Must be a {TypeName(spec.Type)}.");
                }
                else
                {
                    result[property.Name] = property.Value.Clone();
                }
            }
        }
        foreach (var (name, spec) in schema.Attributes.Where(a => a.Value.Required && !result.ContainsKey(a.Key)))
        {
            error("attributes." + name, $"Required for '{schema.Name}'.");
        }
        return result.Count == 0 ? null : result;
    }

    private static string TypeName(AttributeType type) => type switch
    {
        AttributeType.Text => "string",
        AttributeType.Number => "number",
        AttributeType.TrueFalse => "boolean",
        _ => "datetime (ISO 8601)",
    };

    private static bool HasType(JsonElement value, AttributeType type) => type switch
    {
        AttributeType.Text => value.ValueKind == JsonValueKind.String,
        AttributeType.Number => value.ValueKind == JsonValueKind.Number,
        AttributeType.TrueFalse => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        AttributeType.Datetime => value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => false,
    };
}

/// <summary>The events of one request, each either parsed or with its errors.</summary>
public sealed record ParsedEvents(bool IsBatch, IReadOnlyList<ParsedEvent> Events);

/// <summary>One event of a request: <see cref="Event"/> when valid, otherwise <see cref="Errors"/> by field.</summary>
public sealed record ParsedEvent(int Index, string? Id, HelpdeskEvent? Event, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The event's own JSON, kept in the inbox as its raw delivery.</summary>
    public string? RawJson { get; init; }
}

/// <summary>The body as a whole cannot be used (not JSON, empty or oversized batch).</summary>
public sealed class CustomEventBodyException(string field, string message) : Exception(message)
{
    /// <summary>The part of the body that is wrong.</summary>
    public string Field { get; } = field;
}

/// <summary>The inbox source name of events that came through the events API or an import.</summary>
public static class CustomEventSource
{
    /// <summary>The events API.</summary>
    public const string Name = "api";
}

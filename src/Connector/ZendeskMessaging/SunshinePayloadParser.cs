using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.ZendeskMessaging;

/// <summary>
/// Reads a Sunshine Conversations v2 webhook body: <c>{"app", "webhook", "events": [...]}</c>, several
/// events per body, each with its own <c>id</c> (the dedupe key, stable across the sender's retries),
/// <c>type</c> (the trigger) and <c>createdAt</c>.
/// </summary>
public static class SunshinePayloadParser
{
    /// <summary>The most events one body may carry.</summary>
    public const int MaxEvents = 200;

    /// <summary>Parses one delivery; throws <see cref="PayloadException"/> naming what is wrong.</summary>
    public static IReadOnlyList<HelpdeskEvent> Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonFields.ParseDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new PayloadException("Not a Sunshine Conversations v2 webhook: 'events' must be an array (set the webhook's payload version to v2).");
        }
        if (events.GetArrayLength() > MaxEvents)
        {
            throw new PayloadException($"'events' holds more than {MaxEvents} events.");
        }
        var result = new List<HelpdeskEvent>(events.GetArrayLength());
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            try
            {
                result.Add(SunshineEventMapper.Map(item));
            }
            catch (PayloadException ex)
            {
                throw new PayloadException($"events[{index}]: {ex.Message}");
            }
            index++;
        }
        return result;
    }
}

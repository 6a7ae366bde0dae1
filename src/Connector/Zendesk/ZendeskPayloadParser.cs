using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>
/// Reads what <c>POST /webhooks/zendesk/{tenant}</c> receives: Zendesk event webhooks
/// (<c>zen:event-type:*</c> envelope) and our trigger template (<c>helpdeskgamify.zendesk/1</c>).
/// </summary>
public static class ZendeskPayloadParser
{
    /// <summary>The schema id our trigger template carries.</summary>
    public const string TriggerSchema = "helpdeskgamify.zendesk/1";

    private const string EventTypePrefix = "zen:event-type:";

    /// <summary>Parses one delivery into the facts it reports; throws <see cref="PayloadException"/> naming what is wrong.</summary>
    public static IReadOnlyList<HelpdeskEvent> Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonFields.ParseDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException("The body must be a JSON object.");
        }
        var type = JsonFields.Text(root, "type", 200);
        if (type is not null && type.StartsWith(EventTypePrefix, StringComparison.Ordinal))
        {
            return [ZendeskEventMapper.Map(root, type[EventTypePrefix.Length..])];
        }
        var schema = JsonFields.Text(root, "schema", 100);
        if (schema == TriggerSchema)
        {
            return [ZendeskTriggerMapper.Map(root)];
        }
        throw new PayloadException(schema is null && type is null
            ? $"Neither a Zendesk event ('type': 'zen:event-type:…') nor our trigger template ('schema': '{TriggerSchema}')."
            : $"Unsupported payload: type '{type}', schema '{schema}'.");
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.CustomEvents;

/// <summary>
/// The events API behind the HTTP route: idempotency, validation, then one durable group-committed
/// write of every valid event into the same inbox the webhooks use. Answers are per event (200 when
/// all were taken or known, 207 when some were refused, 422 when none could be taken).
/// </summary>
public sealed class CustomEventReceiver(EventTypeStore types, IdempotencyStore idempotency, InboxWriter inbox, TimeProvider clock)
{
    /// <summary>The longest accepted <c>Idempotency-Key</c>.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Handles one request body for <paramref name="tenantId"/>.</summary>
    public async Task<CustomEventOutcome> ReceiveAsync(string tenantId, byte[] body, string? idempotencyKey, CancellationToken ct)
    {
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (idempotencyKey is not null)
        {
            if (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength)
            {
                return CustomEventOutcome.Invalid("Idempotency-Key", $"Must be 1 to {MaxIdempotencyKeyLength} characters.");
            }
            var remembered = await idempotency.FindAsync(tenantId, idempotencyKey, ct);
            if (remembered is not null)
            {
                return remembered.RequestHash == requestHash
                    ? new CustomEventOutcome((int)remembered.StatusCode, remembered.ResponseJson) { Replayed = true }
                    : CustomEventOutcome.KeyReused();
            }
        }

        var now = clock.GetUtcNow();
        ParsedEvents parsed;
        try
        {
            parsed = CustomEventParser.Parse(body, await types.SchemasAsync(tenantId, ct), now);
        }
        catch (CustomEventBodyException ex)
        {
            return CustomEventOutcome.Invalid(ex.Field, ex.Message);
        }
        var answer = await StoreAsync(tenantId, parsed, now, ct);
        if (answer is null)
        {
            return CustomEventOutcome.Unavailable();
        }
        if (answer.Accepted + answer.Duplicates == 0)
        {
            var errors = parsed.Events.SelectMany(p => p.Errors.Select(kv =>
                (Key: parsed.IsBatch ? $"events[{p.Index}].{kv.Key}" : kv.Key, kv.Value))).ToDictionary(x => x.Key, x => x.Value);
            return new CustomEventOutcome(422, null) { Errors = errors };
        }
        var status = answer.Rejected > 0 ? 207 : 200;
        var json = JsonSerializer.Serialize(answer, Json);
        if (idempotencyKey is not null)
        {
            // Refusals are not remembered: a client that fixes its event type may retry with the same key.
            var kept = await idempotency.RememberAsync(tenantId, idempotencyKey, new RememberedAnswer(requestHash, status, json), ct);
            return new CustomEventOutcome((int)kept.StatusCode, kept.ResponseJson);
        }
        return new CustomEventOutcome(status, json);
    }

    private async Task<EventsAnswer?> StoreAsync(string tenantId, ParsedEvents parsed, DateTimeOffset now, CancellationToken ct)
    {
        var valid = parsed.Events.Where(p => p.Event is not null).ToList();
        IReadOnlyList<InboxWriteResult> written = [];
        if (valid.Count > 0)
        {
            try
            {
                written = await inbox.AppendAsync(valid.Select(p => ToInboxItem(tenantId, p, now)).ToList(), ct);
            }
            catch (Exception ex) when (ex is InboxUnavailableException or TimeoutException)
            {
                return null;
            }
        }
        var results = new EventResult[parsed.Events.Count];
        for (var i = 0; i < valid.Count; i++)
        {
            results[valid[i].Index] = new EventResult(valid[i].Index, valid[i].Id, written[i].Duplicate ? "duplicate" : "accepted", null);
        }
        foreach (var bad in parsed.Events.Where(p => p.Event is null))
        {
            results[bad.Index] = new EventResult(bad.Index, bad.Id, "rejected", bad.Errors);
        }
        return new EventsAnswer(
            results.Count(r => r.Status == "accepted"), results.Count(r => r.Status == "duplicate"), results.Count(r => r.Status == "rejected"), results);
    }

    /// <summary>
    /// The inbox row for a valid event: deduplicated by the sender's id (delivery id) and by its natural
    /// key; without an id, identical events (same person, type, time to the millisecond and attributes) are one fact.
    /// </summary>
    public static InboxItem ToInboxItem(string tenantId, ParsedEvent p, DateTimeOffset now, string source = CustomEventSource.Name)
    {
        var e = p.Event!;
        var eventJson = EventJson.Serialize(e);
        var deliveryId = p.Id is not null ? "evt:" + p.Id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventJson)));
        return new InboxItem(tenantId, source, deliveryId, NaturalKey.For(e), e.Kind.ToString(),
            e.OccurredAt.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), eventJson,
            Encoding.UTF8.GetBytes(p.RawJson ?? eventJson), "{}");
    }
}

/// <summary>The per-event answer of the events API.</summary>
public sealed record EventsAnswer(int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResult> Results);

/// <summary>One event's fate: accepted, duplicate (seen before, changes nothing) or rejected with errors by field.</summary>
public sealed record EventResult(int Index, string? Id, string Status, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>What the route answers: a status with a JSON body, or a problem.</summary>
public sealed record CustomEventOutcome(int StatusCode, string? Json)
{
    /// <summary>Validation errors by field, for a 422.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>A problem title, for 409/422/503 answers without field errors.</summary>
    public string? Title { get; init; }

    /// <summary>True when this is a remembered answer to an earlier request with the same Idempotency-Key.</summary>
    public bool Replayed { get; init; }

    internal static CustomEventOutcome Invalid(string field, string message) =>
        new(422, null) { Errors = new Dictionary<string, string[]> { [field] = [message] } };

    internal static CustomEventOutcome KeyReused() =>
        new(422, null) { Title = "This Idempotency-Key was already used with a different request body. Use a new key for a new request." };

    internal static CustomEventOutcome Unavailable() =>
        new(503, null) { Title = "The events could not be stored right now. Retry with the same Idempotency-Key; events with an id are never counted twice." };
}

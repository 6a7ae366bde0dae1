using System.Text;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using HelpdeskGamify.Connector.Freshchat;
using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.Connector.ZendeskMessaging;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Ingest;

/// <summary>
/// A parser that throws anything but <see cref="PayloadException"/> turns a bad delivery into a 500
/// (retried forever, never dead-lettered). Real fixtures with one value swapped for a value of the
/// wrong shape must either parse or be refused with a reason.
/// </summary>
public sealed class ParserRobustnessTests
{
    private static readonly (string Fixture, Action<byte[]> Parse)[] Parsers =
    [
        ("zendesk/event-ticket-comment-added.json", b => ZendeskPayloadParser.Parse(b)),
        ("zendesk/event-user-name-changed.json", b => ZendeskPayloadParser.Parse(b)),
        ("zendesk/trigger-ticket-solved.json", b => ZendeskPayloadParser.Parse(b)),
        ("zendesk-messaging/sunco-multi-event.json", b => SunshinePayloadParser.Parse(b)),
        ("freshdesk/automation-ticket-resolved.json", b => FreshdeskPayloadParser.Parse(b, DateTimeOffset.UnixEpoch)),
        ("freshchat/message-create.json", b => FreshchatPayloadParser.Parse(b)),
        ("freshchat/conversation-assignment.json", b => FreshchatPayloadParser.Parse(b)),
        ("freshchat/conversation-reopen.json", b => FreshchatPayloadParser.Parse(b)),
    ];

    private static readonly Func<JsonNode?>[] Misfits =
    [
        () => null, () => JsonValue.Create(0), () => JsonValue.Create(-1.5e300), () => JsonValue.Create(true),
        () => JsonValue.Create(""), () => JsonValue.Create(new string('x', 600)), () => JsonValue.Create("\u0001"),
        () => JsonValue.Create("<script>"), () => new JsonArray(), () => new JsonArray(JsonValue.Create(1)), () => new JsonObject(),
    ];

    [Property(MaxTest = 400)]
    public void A_fixture_with_one_misshapen_value_parses_or_is_refused_with_a_reason(int seed)
    {
        var random = new Random(seed);
        var (fixture, parse) = Parsers[random.Next(Parsers.Length)];
        var root = JsonNode.Parse(Fixtures.Text(fixture))!;
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        var (parent, key) = slots[random.Next(slots.Count)];
        var misfit = Misfits[random.Next(Misfits.Length)]();
        if (key is string name)
        {
            parent.AsObject()[name] = misfit;
        }
        else
        {
            parent.AsArray()[(int)key] = misfit;
        }

        try
        {
            parse(Encoding.UTF8.GetBytes(root.ToJsonString()));
        }
        catch (PayloadException)
        {
        }
    }

    [Property(MaxTest = 200)]
    public void Arbitrary_bytes_are_refused_with_a_reason_never_a_crash(byte[] body)
    {
        foreach (var (_, parse) in Parsers)
        {
            try
            {
                parse(body);
            }
            catch (PayloadException)
            {
            }
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    slots.Add((o, name));
                    if (child is not null)
                    {
                        Collect(child, slots);
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i));
                    if (a[i] is { } child)
                    {
                        Collect(child, slots);
                    }
                }
                break;
        }
    }
}

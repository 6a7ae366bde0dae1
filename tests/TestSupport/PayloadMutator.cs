using System.Text;
using System.Text.Json.Nodes;

namespace HelpdeskGamify.TestSupport;

/// <summary>
/// Damages a valid payload the ways networks, templates and attackers do: byte flips, inserts,
/// cuts and repeats, and JSON-aware swaps of one value for a hostile one. Deterministic for a seed,
/// so a failing case is reproduced from the seed alone.
/// </summary>
public static class PayloadMutator
{
    private static readonly Func<Random, JsonNode?>[] HostileValues =
    [
        _ => null,
        _ => true,
        r => r.Next(),
        _ => JsonNode.Parse("1e308"),
        _ => JsonNode.Parse("-0.0000000000000000000001"),
        _ => JsonNode.Parse(new string('9', 400)),
        r => new string((char)r.Next(0, 32), r.Next(1, 5)),
        r => new string('x', r.Next(100, 5000)),
        _ => "",
        _ => "<script>alert(1)</script>",
        _ => "'; DROP TABLE inbox;--",
        _ => "zen:event-type:ticket.StatusChanged",
        _ => "2026-13-45T99:99",
        _ => "\uD800",
        _ => new JsonArray(1, "two", null, new JsonObject()),
        _ => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = new JsonArray() } },
        r => Deep(r.Next(10, 60)),
    ];

    private static readonly string[] Fragments = ["{", "[", "\"", "\\u0000", ",", ":", "}", "]", "\\", "\uFFFF"];

    /// <summary>A mutated copy of <paramref name="payload"/>: 1 to 4 damages chosen by <paramref name="seed"/>.</summary>
    public static byte[] Mutate(byte[] payload, int seed)
    {
        var random = new Random(seed);
        var bytes = payload;
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            bytes = random.Next(8) switch
            {
                0 or 1 or 2 => TryReplaceJsonValue(bytes, random),
                3 => Flip(bytes, random),
                4 => Insert(bytes, random),
                5 => Cut(bytes, random),
                6 => bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)],
                _ => Repeat(bytes, random),
            };
        }
        return bytes;
    }

    private static byte[] TryReplaceJsonValue(byte[] bytes, Random random)
    {
        try
        {
            return ReplaceJsonValue(bytes, random);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // An earlier damage left text JsonNode reads lazily and cannot take (a broken escape,
            // a repeated key): damage bytes instead.
            return Flip(bytes, random);
        }
    }

    private static byte[] ReplaceJsonValue(byte[] bytes, Random random)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes);
        }
        catch (System.Text.Json.JsonException)
        {
            return Flip(bytes, random);
        }
        if (root is null)
        {
            return bytes;
        }
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        if (slots.Count == 0)
        {
            return bytes;
        }
        var (parent, key) = slots[random.Next(slots.Count)];
        var value = HostileValues[random.Next(HostileValues.Length)](random);
        if (parent is JsonObject o && key is string name)
        {
            if (random.Next(6) == 0)
            {
                o.Remove(name);
            }
            else
            {
                o[name] = value;
            }
        }
        else if (parent is JsonArray a && key is int index)
        {
            a[index] = value;
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, child) in o.ToList())
            {
                slots.Add((o, name));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                slots.Add((a, i));
                if (a[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return [(byte)random.Next(256)];
        }
        var copy = (byte[])bytes.Clone();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] Insert(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        byte[] insert = random.Next(3) switch
        {
            0 => [(byte)random.Next(256)],
            1 => Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]),
            _ => Encoding.UTF8.GetBytes(new string('[', random.Next(1, 200))),
        };
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }

    private static byte[] Cut(byte[] bytes, Random random)
    {
        if (bytes.Length < 2)
        {
            return bytes;
        }
        var from = random.Next(bytes.Length);
        var to = Math.Min(bytes.Length, from + random.Next(1, 40));
        return [.. bytes[..from], .. bytes[to..]];
    }

    private static byte[] Repeat(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }
        var from = random.Next(bytes.Length);
        var to = Math.Min(bytes.Length, from + random.Next(1, 60));
        return [.. bytes[..to], .. bytes[from..]];
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = "x";
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }
        return node;
    }
}

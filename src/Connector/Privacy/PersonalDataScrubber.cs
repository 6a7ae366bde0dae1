using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Privacy;

/// <summary>
/// Rewrites stored deliveries so that they no longer name a customer: the normalized event gets the
/// pseudonym and loses the name; raw bodies have the id replaced and the name blanked wherever they
/// appear. Over-scrubbing (another field that happens to equal the id) is accepted: it only costs
/// detail in a body nobody scores again.
/// </summary>
public static class PersonalDataScrubber
{
    /// <summary>What replaces a name.</summary>
    public const string ErasedName = "[erased]";

    /// <summary>The event with the customer replaced by the pseudonym.</summary>
    public static string ScrubEvent(string eventJson, string pseudonym)
    {
        var e = EventJson.Deserialize(eventJson);
        return EventJson.Serialize(e with { CustomerId = pseudonym, CustomerName = null });
    }

    /// <summary>Whether a stored body mentions the person at all.</summary>
    public static bool Mentions(byte[] body, string customerId, string? name) =>
        IdPattern(customerId).IsMatch(Encoding.UTF8.GetString(body))
        || (!string.IsNullOrWhiteSpace(name) && NameForms(name).Any(n => Encoding.UTF8.GetString(body).Contains(n, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The body with the id replaced by the pseudonym and the name blanked.</summary>
    public static byte[] ScrubBody(byte[] body, string customerId, string? name, string pseudonym)
    {
        var text = Encoding.UTF8.GetString(body);
        text = IdPattern(customerId).Replace(text, pseudonym);
        if (!string.IsNullOrWhiteSpace(name))
        {
            foreach (var form in NameForms(name))
            {
                text = text.Replace(form, ErasedName, StringComparison.OrdinalIgnoreCase);
            }
        }
        return Encoding.UTF8.GetBytes(text);
    }

    // The id as a whole token: not part of a longer number or word.
    private static Regex IdPattern(string id) => new($@"(?<![\w-]){Regex.Escape(id)}(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // The name as typed and as JSON escapes it (non-ASCII names arrive as \uXXXX).
    private static IEnumerable<string> NameForms(string name)
    {
        var escaped = JsonSerializer.Serialize(name)[1..^1];
        return escaped == name ? [name] : [name, escaped];
    }
}

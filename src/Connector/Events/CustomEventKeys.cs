using System.Security.Cryptography;
using System.Text;

namespace HelpdeskGamify.Connector.Events;

/// <summary>
/// The natural-key detail of custom events. Unlike helpdesk facts they have no ticket and may
/// repeat within a minute (two visits, two purchases), so the key is the sender's id when there
/// is one, otherwise the event's whole content to the millisecond: identical content is one fact.
/// </summary>
public static class CustomEventKeys
{
    private const int MaxLength = 300;

    /// <summary>The detail part of a custom event's natural key.</summary>
    public static string Detail(HelpdeskEvent e) => (e.EventType ?? "") + ":" + (e.SourceEventId is { } id
        ? "id:" + id
        : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EventJson.Serialize(e with { Source = "", CustomerName = null, AgentName = null })))));

    /// <summary>Keeps long custom event keys (ids and type names of up to 180 and 100 characters) within the inbox column by hashing them.</summary>
    public static string Bounded(string key) => key.Length <= MaxLength
        ? key
        : key[..40] + "|sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

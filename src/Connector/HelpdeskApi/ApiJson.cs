using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// Reads helpdesk answers with Newtonsoft (what Flurl.Http 2.x speaks), keeping timestamps as
/// <see cref="DateTimeOffset"/> so that their offsets survive.
/// </summary>
public static class ApiJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        NullValueHandling = NullValueHandling.Ignore,
    });

    /// <summary>Parses an answer body; a body that is not JSON is a failed call.</summary>
    public static JToken Parse(string body, string provider, string label)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.DateTimeOffset };
            return JToken.Load(reader);
        }
        catch (JsonException)
        {
            throw new HelpdeskApiException(provider, "GET", label, 200, "the answer is not JSON");
        }
    }

    /// <summary>The items under <paramref name="key"/> (or the root array when the key is null).</summary>
    public static List<T> Items<T>(JToken root, string? key)
    {
        var token = key is null ? root : root[key];
        return token is JArray array ? array.ToObject<List<T>>(Serializer) ?? [] : [];
    }

    /// <summary>The object under <paramref name="key"/>, or null.</summary>
    public static T? Item<T>(JToken root, string key) where T : class =>
        root[key] is JObject o ? o.ToObject<T>(Serializer) : null;
}

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Maps the helpdesks' channel and priority words (REST enums, UPPERCASE event enums, localized
/// placeholder text) onto the few lower-case words the rules speak.
/// </summary>
public static class HelpdeskVocabulary
{
    /// <summary>web, email, chat, messaging, phone, api, social, or the lower-cased input.</summary>
    public static string? Channel(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var v = raw.Trim().ToLowerInvariant();
        return v switch
        {
            _ when v.Contains("chat", StringComparison.Ordinal) => "chat",
            _ when v.Contains("messag", StringComparison.Ordinal) || v is "native_messaging" or "whatsapp" or "line" or "wechat" => "messaging",
            _ when v.Contains("mail", StringComparison.Ordinal) || v == "1" => "email",
            _ when v.Contains("phone", StringComparison.Ordinal) || v.Contains("voice", StringComparison.Ordinal) || v == "3" => "phone",
            _ when v.Contains("web service", StringComparison.Ordinal) || v is "web_service" or "api" => "api",
            _ when v.Contains("web", StringComparison.Ordinal) || v.Contains("portal", StringComparison.Ordinal) || v == "2" => "web",
            _ when v.Contains("twitter", StringComparison.Ordinal) || v.Contains("facebook", StringComparison.Ordinal) => "social",
            _ => v,
        };
    }

    /// <summary>low, normal (Freshdesk "medium"), high, urgent, or null.</summary>
    public static string? Priority(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var v = raw.Trim().ToLowerInvariant();
        return v switch
        {
            "1" or "low" or "lav" or "низкий" => "low",
            "2" or "normal" or "medium" or "normal " or "нормальный" or "средний" => "normal",
            "3" or "high" or "høy" or "высокий" => "high",
            "4" or "urgent" or "haster" or "срочный" => "urgent",
            _ => v,
        };
    }

    /// <summary>Good, bad or neutral from a rating word ("Good", "bad with comment", "Bra" …).</summary>
    public static Events.SatisfactionRating Rating(string? raw)
    {
        var v = raw?.Trim().ToLowerInvariant() ?? "";
        return v switch
        {
            _ when v.StartsWith("good", StringComparison.Ordinal) || v.StartsWith("хорош", StringComparison.Ordinal) || v.StartsWith("bra", StringComparison.Ordinal) => Events.SatisfactionRating.Good,
            _ when v.StartsWith("bad", StringComparison.Ordinal) || v.StartsWith("плох", StringComparison.Ordinal) || v.StartsWith("dårlig", StringComparison.Ordinal) => Events.SatisfactionRating.Bad,
            _ => Events.SatisfactionRating.None,
        };
    }
}

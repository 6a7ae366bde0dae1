namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// How Freshdesk people are named as participants. The automation template can only name agents and
/// requesters by e-mail, so the lower-cased address is the participant id for every Freshdesk path
/// (webhooks, CSAT poller, backfill, directory sync): a numeric agent id from the API must be mapped
/// to the agent's address, or one person's points would be split across two participants.
/// </summary>
public static class FreshdeskIdentity
{
    /// <summary>The participant id for an e-mail address: trimmed and lower-cased; null when empty or not an address.</summary>
    public static string? FromEmail(string? email)
    {
        var text = email?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 254)
        {
            return null;
        }
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '|' or ','))
        {
            return null;
        }
        return text.ToLowerInvariant();
    }
}

namespace HelpdeskGamify.Connector.Participants;

/// <summary>Names as they may appear on boards other people see.</summary>
public static class DisplayNames
{
    /// <summary>
    /// A customer's public name: first name and initial ("Oleg P."), or a stable "Customer 1a2b"
    /// when the helpdesk gave no name. Customers never appear on a board under their full name.
    /// </summary>
    public static string Pseudonym(string? fullName, string externalId)
    {
        var parts = (fullName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts[0].Contains('@', StringComparison.Ordinal))
        {
            var tail = externalId.Length > 4 ? externalId[^4..] : externalId;
            return "Customer " + tail;
        }
        return parts.Length == 1 ? parts[0] : $"{parts[0]} {char.ToUpperInvariant(parts[^1][0])}.";
    }
}

using System.Globalization;
using System.Text;

namespace HelpdeskGamify.AgentHub.TeamLead.Stats;

/// <summary>
/// Agent stats as RFC 4180 CSV. Text cells that a spreadsheet would run as a formula (starting
/// with = + - @ or a tab/CR) get a leading apostrophe, because agent names come from the helpdesk
/// and anyone who can edit their profile could otherwise plant a formula in a team lead's sheet.
/// </summary>
public static class StatsCsv
{
    /// <summary>The whole file, header first, CRLF line ends.</summary>
    public static string Write(AgentStatsPage page)
    {
        var csv = new StringBuilder();
        var header = new List<string> { "agent_id", "name", "team", "solved", "first_reply_median_min", "resolution_median_min", "csat_percent", "ratings", "fcr_percent", "points", "badges", "badge_names" };
        header.AddRange(page.Categories.Select(c => "points_" + c));
        Line(csv, header);
        foreach (var a in page.Agents)
        {
            var cells = new List<string>
            {
                Text(a.AgentId), Text(a.DisplayName), Text(a.Team ?? ""), Number(a.Solved), Number(a.FirstReplyMedianMinutes),
                Number(a.ResolutionMedianMinutes), Number(a.CsatPercent), Number(a.Ratings), Number(a.FirstContactResolutionPercent), Number(a.Points),
                Number(a.BadgeCount), Text(string.Join("; ", a.Badges.Select(b => b.Label))),
            };
            cells.AddRange(page.Categories.Select(c => Number(a.PointsByCategory.TryGetValue(c, out var p) ? p : 0)));
            Line(csv, cells);
        }
        return csv.ToString();
    }

    /// <summary>A text cell: defused against formulas, quoted when it holds a comma, quote or line break.</summary>
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(',', cells)).Append("\r\n");
}

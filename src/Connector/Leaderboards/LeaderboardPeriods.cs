using System.Globalization;

namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>
/// The periods every total is kept for, and the key each period has at a given instant (UTC).
/// A season is a calendar quarter until tenants configure their own.
/// </summary>
public static class LeaderboardPeriods
{
    /// <summary>The period names the API accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["day", "week", "month", "season", "all"];

    /// <summary>Whether <paramref name="period"/> is one of <see cref="Names"/>.</summary>
    public static bool IsValid(string? period) => period is not null && Names.Contains(period);

    /// <summary>The key of <paramref name="period"/> at <paramref name="at"/>, e.g. <c>w:2026-W48</c>.</summary>
    public static string KeyOf(string period, DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return period switch
        {
            "day" => "d:" + utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "week" => $"w:{ISOWeek.GetYear(utc)}-W{ISOWeek.GetWeekOfYear(utc):00}",
            "month" => "m:" + utc.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            "season" => $"s:{utc.Year}-Q{((utc.Month - 1) / 3) + 1}",
            "all" => "all",
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
        };
    }

    /// <summary>The keys of every period that an award at <paramref name="at"/> counts towards.</summary>
    public static IEnumerable<string> KeysAt(DateTimeOffset at) => Names.Select(p => KeyOf(p, at));
}

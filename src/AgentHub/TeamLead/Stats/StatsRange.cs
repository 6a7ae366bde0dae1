using System.Globalization;

namespace HelpdeskGamify.AgentHub.TeamLead.Stats;

/// <summary>A date range of whole UTC days, <c>to</c> included; defaults to the last seven days.</summary>
public readonly record struct StatsRange(DateOnly From, DateOnly To)
{
    /// <summary>The longest range a team lead may ask for.</summary>
    public const int MaxDays = 366;

    /// <summary>The first instant of the range (Unix ms).</summary>
    public long FromMs => new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>The first instant after the range (Unix ms).</summary>
    public long ToMs => new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Parses <c>from</c>/<c>to</c> (yyyy-MM-dd); an error message when they make no range.</summary>
    public static (StatsRange Range, string? Error) Parse(string? from, string? to, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!TryDate(to, today, out var end) || !TryDate(from, end.AddDays(-6), out var start))
        {
            return (default, "Dates are yyyy-MM-dd.");
        }
        if (start > end)
        {
            return (default, "'from' must not be after 'to'.");
        }
        return end.DayNumber - start.DayNumber >= MaxDays
            ? (default, $"At most {MaxDays} days at a time.")
            : (new StatsRange(start, end), null);
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

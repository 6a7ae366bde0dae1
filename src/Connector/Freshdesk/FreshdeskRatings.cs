using System.Globalization;
using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// Freshdesk CSAT answers: <c>ratings.default_question</c> is 103 (extremely happy), 102, 101,
/// 100 (neutral), -101, -102 or -103 (extremely unhappy), depending on the survey's scale.
/// </summary>
public static class FreshdeskRatings
{
    /// <summary>Good above neutral, bad below, <see cref="SatisfactionRating.None"/> for anything else.</summary>
    public static SatisfactionRating Map(int value) => value switch
    {
        >= 101 and <= 103 => SatisfactionRating.Good,
        100 => SatisfactionRating.Neutral,
        >= -103 and <= -101 => SatisfactionRating.Bad,
        _ => SatisfactionRating.None,
    };

    internal static async Task<ImportedRating?> ToEventAsync(FdSatisfactionRating r, FreshdeskPeople people, CancellationToken ct)
    {
        if (!r.Ratings.TryGetValue("default_question", out var value) || r.TicketId is null || r.CreatedAt is null)
        {
            return null;
        }
        var rating = Map(value);
        if (rating == SatisfactionRating.None)
        {
            return null;
        }
        var (agentId, agentName) = await people.AgentAsync(r.AgentId, ct);
        var (customerId, customerName) = await people.CustomerAsync(r.UserId, null, ct);
        var e = new HelpdeskEvent
        {
            Source = "freshdesk",
            Kind = HelpdeskEventKind.SatisfactionRated,
            OccurredAt = r.CreatedAt.Value,
            SourceEventId = "rating:" + r.Id.ToString(CultureInfo.InvariantCulture),
            TicketId = r.TicketId.Value.ToString(CultureInfo.InvariantCulture),
            AgentId = agentId,
            AgentName = agentName,
            CustomerId = customerId,
            CustomerName = customerName,
            Rating = rating,
            RatingComment = string.IsNullOrWhiteSpace(r.Feedback) ? null : r.Feedback,
        };
        return new ImportedRating(e, r.CreatedAt.Value);
    }
}

/// <summary>A mapped rating and when Freshdesk recorded it (the poller's cursor).</summary>
internal sealed record ImportedRating(HelpdeskEvent Event, DateTimeOffset CreatedAt);

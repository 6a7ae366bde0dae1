namespace HelpdeskGamify.Connector.Events;

/// <summary>A customer's verdict on the support they got.</summary>
public enum SatisfactionRating
{
    /// <summary>No rating in this event.</summary>
    None,
    /// <summary>A good (happy) rating.</summary>
    Good,
    /// <summary>A neutral rating.</summary>
    Neutral,
    /// <summary>A bad (unhappy) rating.</summary>
    Bad,
}

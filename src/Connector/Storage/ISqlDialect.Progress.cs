namespace HelpdeskGamify.Connector.Storage;

/// <summary>The engine's statements for daily-cap claims and the activity counters of the progress pass.</summary>
public partial interface ISqlDialect
{
    /// <summary>Adds <c>@Points</c>/<c>@PendingPoints</c> to a person's activity unit (rule, award key and time of the fact), creating it if absent with <c>@Team</c> and <c>@TeamAsOf</c> (its team was taken as of the fact's time); returns the unit's new points.</summary>
    string AddActivityUnit { get; }

    /// <summary>Adds <c>@Awards</c> and <c>@Points</c> to a person's lifetime counters of a rule and category.</summary>
    string AddActivityTotal { get; }

    /// <summary>Sets what a holding of a capped rule would get without the cap (creating the claim if absent).</summary>
    string UpsertCapClaim { get; }
}

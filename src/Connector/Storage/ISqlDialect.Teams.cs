namespace HelpdeskGamify.Connector.Storage;

/// <summary>The engine's statements for team credit by when facts happened (docs/rules.md, "Teams").</summary>
public partial interface ISqlDialect
{
    /// <summary>
    /// The team an entry of a holding is credited to when the entry names none: the holding's team once it exists (even none: its points were credited to no team), else the
    /// agent's team as of <c>@OccurredAtMs</c> (the group of their latest fact at or before it; before their first, the first's;
    /// with no fact carrying a group, the directory's team). Parameters: <c>@TenantId</c>, <c>@ParticipantId</c>,
    /// <c>@RuleId</c>, <c>@AwardKey</c>, <c>@OccurredAtMs</c>.
    /// </summary>
    string SelectCreditedTeam { get; }

    /// <summary>The agent's latest team fact at or before <c>@AtMs</c> (<c>OccurredAtMs</c>, <c>Team</c>), or no row.</summary>
    string SelectTeamFactAtOrBefore { get; }

    /// <summary>Records that a fact of <c>@AtMs</c> carried <c>@Team</c>; at one instant the greater group name stays.</summary>
    string UpsertTeamFact { get; }
}

namespace HelpdeskGamify.Connector.Storage;

/// <summary>The statements of the helpdesk API features (directory sync, pollers).</summary>
public partial interface ISqlDialect
{
    /// <summary>Inserts or refreshes an agent from the helpdesk directory (name, team, avatar); keeps stored values where the new ones are null.</summary>
    string UpsertDirectoryParticipant { get; }

    /// <summary>Sets the named cursor of a tenant (<c>@TenantId</c>, <c>@Name</c>, <c>@Value</c>, <c>@NowMs</c>).</summary>
    string UpsertHelpdeskCursor { get; }
}

namespace HelpdeskGamify.Connector.Tests.Scoring.Ledger;

/// <summary>
/// Tests that count statements with SQLite hooks on pooled connections run alone: another test's harness clears every
/// connection pool when it is disposed, which would hand the scorer a connection without the hook.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StatementCounting
{
    public const string Name = "Statement counting";
}

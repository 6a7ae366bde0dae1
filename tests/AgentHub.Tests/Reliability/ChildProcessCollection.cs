namespace HelpdeskGamify.AgentHub.Tests.Reliability;

/// <summary>The tests that run AgentHub as a child process take turns, so that one's load does not distort the other's figures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChildProcessCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "AgentHub child processes";
}

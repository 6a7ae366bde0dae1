namespace HelpdeskGamify.AgentHub.Demo;

/// <summary>The people of the demo helpdesk: agents in two teams and their customers.</summary>
public static class DemoCast
{
    /// <summary>Agents: helpdesk id, name, team.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string Team)> Agents =
    [
        ("9001", "Ingrid Dahl", "Tier 1"),
        ("9002", "Ahmed Karimi", "Tier 1"),
        ("9003", "Sofia Rossi", "Tier 1"),
        ("9004", "Олег Петров", "Tier 2"),
        ("9005", "Mei Chen", "Tier 2"),
        ("9006", "Lars Berg", "Tier 2"),
    ];

    /// <summary>Customers: helpdesk id and name.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> Customers =
    [
        ("7001", "Kari Nordmann"), ("7002", "Анна Смирнова"), ("7003", "John Smith"), ("7004", "Fatima Zahra"),
        ("7005", "Ole Hansen"), ("7006", "Maria Garcia"), ("7007", "Ivan Kuznetsov"), ("7008", "Emma Wilson"),
        ("7009", "Nora Lie"), ("7010", "Carlos Silva"), ("7011", "Yuki Tanaka"), ("7012", "Priya Patel"),
    ];
}

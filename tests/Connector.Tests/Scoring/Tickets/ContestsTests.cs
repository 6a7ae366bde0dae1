using HelpdeskGamify.Connector.Scoring.Tickets;

namespace HelpdeskGamify.Connector.Tests.Scoring.Tickets;

public sealed class ContestsTests
{
    private static Holding Solve(long balance, long pending) =>
        new("agent", "a1", null, null, "agent.ticket-solved", "42#solve", "productivity", "Solved ticket #42", balance, pending, 1_000, "pending until…", "42");

    private static readonly HashSet<(string, string, string, string)> Contested = [("agent", "a1", "agent.ticket-solved", "42#solve")];

    [Fact]
    public void Contested_pending_holding_is_desired_at_zero_so_the_diff_cancels_the_pending_points()
    {
        var desired = Contests.Hold([Solve(0, 10)], Contested);

        var delta = Assert.Single(LedgerDiff.Between(desired, [new HeldAmount("agent", "a1", "agent.ticket-solved", "42#solve", "productivity", 0, 10, 1_000)]));

        Assert.Equal((0, -10), (delta.Points, delta.PendingPoints));
        Assert.Equal(EntryKinds.Clawback, delta.EntryKind);
        Assert.StartsWith("Contested: Solved ticket #42 (", delta.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Released_holding_already_taken_back_by_a_contest_writes_nothing_more()
    {
        var desired = Contests.Hold([Solve(10, 0)], Contested);

        Assert.Empty(LedgerDiff.Between(desired, [new HeldAmount("agent", "a1", "agent.ticket-solved", "42#solve", "productivity", 0, 0, 1_000)]));
    }

    [Fact]
    public void Holdings_of_other_rules_or_people_are_left_alone()
    {
        var rating = new Holding("agent", "a1", null, null, "agent.bad-rating", "42#rating", "quality", "Unhappy rating", -10, 0, 2_000, null, "42");
        var other = Solve(10, 0) with { ParticipantId = "a2" };

        Assert.Equal([rating, other], Contests.Hold([rating, other], Contested));
    }
}

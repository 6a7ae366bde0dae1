using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Leaderboards;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring.Quests;

/// <summary>
/// The example of docs/rules.md ("Teams"): a3 solves a ticket for Tier 1 at T0−10h, a1 two for Tier 1 at T0+1h and T0+3h,
/// a3 one for Tier 2 at T0+5h (a3 moved), each rated good an hour later. Tier 1 completes the team quest `team-three` with
/// a3's old solve, so a1 and a3 are rewarded for Tier 1 — in every delivery order, with duplicates, scored after each fact.
/// Before team quests counted units by the team of their fact, a3's Tier 2 fact arriving first left Tier 1 at two.
/// </summary>
public sealed class TeamQuestOrderTests
{
    // The same moment as the property tests: Wednesday of ISO week 40, so every fact is inside one team-quest week.
    private static readonly DateTimeOffset T0 = new(2026, 9, 30, 18, 0, 0, TimeSpan.Zero);

    private static readonly (string Ticket, string Agent, int Hour, string Group)[] Solves =
        [("801", "a3", -10, "Tier 1"), ("802", "a1", 1, "Tier 1"), ("803", "a1", 3, "Tier 1"), ("804", "a3", 5, "Tier 2")];

    // Facts 2k and 2k+1 are ticket k's solve and its good rating.
    internal static readonly HelpdeskEvent[] Stream = Solves.SelectMany(s => new[]
    {
        Events.Ticket(TicketSolved, s.Ticket, T0.AddHours(s.Hour), s.Agent, "c1", resolutionSeconds: 600, group: s.Group),
        Events.Ticket(SatisfactionRated, s.Ticket, T0.AddHours(s.Hour + 1), s.Agent, "c1", rating: SatisfactionRating.Good, group: s.Group),
    }).ToArray();

    /// <summary>Every order of the four tickets, each with its rating right after it, and with all ratings last in reverse, every fact sent twice.</summary>
    public static IEnumerable<object[]> Orders()
    {
        foreach (var tickets in Permutations([0, 1, 2, 3]))
        {
            yield return [tickets.SelectMany(t => new[] { 2 * t, (2 * t) + 1 }).ToArray(), false];
            yield return [tickets.Select(t => 2 * t).Concat(tickets.Reverse().Select(t => (2 * t) + 1)).ToArray(), true];
        }
    }

    [Fact]
    public async Task In_time_order_tier_1_completes_the_team_quest_and_rewards_a1_and_a3_for_it()
    {
        var state = await InTimeOrder.Value;
        var week = LeaderboardPeriods.KeyOf("week", T0);

        Assert.Contains($"quest agent:a1 team-three:{week}#Tier 1", state);
        Assert.Contains($"quest agent:a3 team-three:{week}#Tier 1", state);
        Assert.DoesNotContain(state, l => l.StartsWith("quest ", StringComparison.Ordinal) && l.Contains("#Tier 2", StringComparison.Ordinal));
        // a3's own quest 'two-solves' is completed by the Tier 2 solve: its reward (no group of its own) goes to Tier 2, as of then.
        Assert.Contains($"quest agent:a3 two-solves:{week}", state);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Every_order_ends_as_time_order(int[] order, bool duplicate)
    {
        var expected = await InTimeOrder.Value;
        var actual = await PlayAsync(order, duplicate);

        Assert.True(expected.SequenceEqual(actual), "only in time order: " + string.Join("; ", expected.Except(actual))
            + "\nonly in this order: " + string.Join("; ", actual.Except(expected)));
    }

    private static readonly Lazy<Task<List<string>>> InTimeOrder = new(() => PlayAsync(TimeOrder(), duplicate: false));

    private static int[] TimeOrder() => Enumerable.Range(0, Stream.Length).OrderBy(i => Stream[i].OccurredAt).ToArray();

    // Scored (and released) after every fact, so a wrong intermediate state is written before the next fact arrives.
    private static Task<List<string>> PlayAsync(int[] order, bool duplicate) =>
        OrderIndependenceProperties.RunAsync(Stream, order, Enumerable.Repeat(duplicate, order.Length).ToArray(), Enumerable.Repeat(1, order.Length).ToArray());

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1 ? [items] : items.SelectMany(first => Permutations(items.Where(i => i != first).ToArray()).Select(rest => rest.Prepend(first).ToArray()));
}

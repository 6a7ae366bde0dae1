using FsCheck.Xunit;
using HelpdeskGamify.Connector.Leaderboards;

namespace HelpdeskGamify.Connector.Tests.Leaderboards;

public sealed class RankedSetLoadTests
{
    // Few distinct scores so that ties (ordered by key) are the rule, not the exception.
    private static List<RankedEntry> RandomMembers(Random random, int count) =>
        Enumerable.Range(0, count)
            .Select(i => new RankedEntry(0, "m" + random.Next(count * 4).ToString(System.Globalization.CultureInfo.InvariantCulture), random.Next(-3, 8)))
            .DistinctBy(e => e.Key)
            .ToList();

    private static RankedSet Incremental(IEnumerable<RankedEntry> members)
    {
        var set = new RankedSet();
        foreach (var m in members)
        {
            set.Set(m.Key, m.Score);
        }
        return set;
    }

    private static List<RankedEntry> RankOrder(IEnumerable<RankedEntry> members) =>
        members.OrderByDescending(e => e.Score).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();

    private static void AssertSame(RankedSet expected, RankedSet actual, IEnumerable<string> keys)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Range(0, int.MaxValue), actual.Range(0, int.MaxValue));
        foreach (var key in keys)
        {
            Assert.Equal(expected.RankOf(key), actual.RankOf(key));
            Assert.Equal(expected.Around(key, 3), actual.Around(key, 3));
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 1000)]
    [InlineData(5, 20_000)]
    public void Bulk_load_of_rank_ordered_rows_equals_one_insert_per_member(int seed, int count)
    {
        var members = RandomMembers(new Random(seed), count);
        var loaded = new RankedSet();

        loaded.Load(RankOrder(members));

        AssertSame(Incremental(members), loaded, members.Select(m => m.Key).Append("absent"));
    }

    [Property(MaxTest = 200)]
    public void Bulk_load_in_any_order_then_changes_matches_incremental_inserts(int[] scores, int[] changes)
    {
        // Unsorted input takes the sorting path; the changes prove the built tree is a valid treap.
        var members = scores.Select((s, i) => new RankedEntry(0, "k" + (i * 7919 % 101).ToString(System.Globalization.CultureInfo.InvariantCulture), s % 5))
            .DistinctBy(e => e.Key).ToList();
        var expected = Incremental(members);
        var loaded = new RankedSet();
        loaded.Load(members.ToList());
        foreach (var raw in changes)
        {
            var key = "k" + ((uint)raw % 120).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (raw % 3 == 0)
            {
                Assert.Equal(expected.Remove(key), loaded.Remove(key));
            }
            else
            {
                expected.Set(key, raw % 4);
                loaded.Set(key, raw % 4);
            }
        }

        AssertSame(expected, loaded, members.Select(m => m.Key));
    }

    [Fact]
    public void Keys_a_database_collation_orders_differently_still_rank_ordinally()
    {
        // A case-insensitive collation returns these in the order given; ordinal puts upper case first.
        List<RankedEntry> asTheDatabaseSortedThem = [new(0, "ada", 5), new(0, "Bob", 5), new(0, "cy", 5), new(0, "Dee", 5)];
        var loaded = new RankedSet();

        loaded.Load(asTheDatabaseSortedThem);

        Assert.Equal(["Bob", "Dee", "ada", "cy"], loaded.Range(0, 10).Select(e => e.Key));
    }

    [Fact]
    public void Load_refuses_a_set_that_already_has_members_and_duplicate_keys()
    {
        var filled = Incremental([new(0, "ada", 1)]);
        Assert.Throws<InvalidOperationException>(() => filled.Load([new(0, "bob", 2)]));

        var empty = new RankedSet();
        Assert.Throws<ArgumentException>(() => empty.Load([new(0, "ada", 2), new(0, "ada", 1)]));
        Assert.Equal(0, empty.Count);
    }

    [Fact]
    public void A_set_emptied_by_removals_can_be_loaded()
    {
        var set = Incremental([new(0, "ada", 1), new(0, "bob", 2), new(0, "cy", 3)]);
        set.Remove("ada");
        set.Remove("bob");
        set.Remove("cy");

        set.Load([new(0, "dee", 9), new(0, "eve", 4)]);
        set.Set("fay", 5);

        Assert.Equal(["dee", "fay", "eve"], set.Range(0, 10).Select(e => e.Key));
    }
}

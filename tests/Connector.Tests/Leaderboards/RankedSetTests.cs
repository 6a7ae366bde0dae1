using FsCheck.Xunit;
using HelpdeskGamify.Connector.Leaderboards;

namespace HelpdeskGamify.Connector.Tests.Leaderboards;

public sealed class RankedSetTests
{
    private static RankedSet Board(params (string Key, long Score)[] members)
    {
        var set = new RankedSet();
        foreach (var (key, score) in members)
        {
            set.Set(key, score);
        }

        return set;
    }

    [Fact]
    public void Empty_set_has_no_members_and_answers_every_query_with_nothing()
    {
        var set = new RankedSet();

        Assert.Equal(0, set.Count);
        Assert.False(set.TryGetScore("ada", out _));
        Assert.Equal(-1, set.RankOf("ada"));
        Assert.Empty(set.Range(0, 10));
        Assert.Empty(set.Around("ada", 3));
        Assert.False(set.Remove("ada"));
    }

    [Fact]
    public void Rank_of_member_counts_only_better_scores()
    {
        var set = Board(("ada", 50), ("bob", 70), ("cy", 10), ("dee", 90));

        Assert.Equal(0, set.RankOf("dee"));
        Assert.Equal(1, set.RankOf("bob"));
        Assert.Equal(2, set.RankOf("ada"));
        Assert.Equal(3, set.RankOf("cy"));
        Assert.Equal(-1, set.RankOf("nobody"));
    }

    [Fact]
    public void Equal_scores_are_ordered_by_key_with_ordinal_comparison()
    {
        // Ordinal puts upper case before lower case and "é" after every ASCII letter, unlike culture rules.
        var set = Board(("b", 5), ("a", 5), ("B", 5), ("é", 5), ("z", 6));

        Assert.Equal(["z", "B", "a", "b", "é"], set.Range(0, 10).Select(e => e.Key));
        Assert.Equal(1, set.RankOf("B"));
        Assert.Equal(4, set.RankOf("é"));
    }

    [Fact]
    public void Extreme_scores_sort_correctly()
    {
        var set = Board(("min", long.MinValue), ("max", long.MaxValue), ("zero", 0));

        Assert.Equal(["max", "zero", "min"], set.Range(0, 3).Select(e => e.Key));
    }

    [Fact]
    public void Set_moves_member_up_and_down_without_duplicating_it()
    {
        var set = Board(("ada", 10), ("bob", 20), ("cy", 30));

        set.Set("ada", 100);
        Assert.Equal(0, set.RankOf("ada"));
        Assert.Equal(3, set.Count);

        set.Set("ada", -5);
        Assert.Equal(2, set.RankOf("ada"));
        Assert.True(set.TryGetScore("ada", out long score));
        Assert.Equal(-5, score);
        Assert.Equal(
            [new RankedEntry(0, "cy", 30), new RankedEntry(1, "bob", 20), new RankedEntry(2, "ada", -5)],
            set.Range(0, 10));
    }

    [Fact]
    public void Setting_the_same_score_again_keeps_the_member_in_place()
    {
        var set = Board(("ada", 10), ("bob", 10));

        set.Set("bob", 10);

        Assert.Equal(2, set.Count);
        Assert.Equal(1, set.RankOf("bob"));
    }

    [Fact]
    public void Remove_deletes_the_member_and_closes_the_gap()
    {
        var set = Board(("ada", 30), ("bob", 20), ("cy", 10));

        Assert.True(set.Remove("bob"));
        Assert.False(set.Remove("bob"));

        Assert.Equal(2, set.Count);
        Assert.Equal(-1, set.RankOf("bob"));
        Assert.False(set.TryGetScore("bob", out _));
        Assert.Equal(1, set.RankOf("cy"));
        Assert.Empty(set.Around("bob", 1));
    }

    [Fact]
    public void Removed_member_can_come_back_with_a_new_score()
    {
        var set = Board(("ada", 30), ("bob", 20));

        set.Remove("ada");
        set.Set("ada", 5);

        Assert.Equal(["bob", "ada"], set.Range(0, 5).Select(e => e.Key));
    }

    [Fact]
    public void Range_is_clamped_at_the_end_and_empty_past_it()
    {
        var set = Board(("a", 4), ("b", 3), ("c", 2), ("d", 1));

        Assert.Equal(["a", "b"], set.Range(0, 2).Select(e => e.Key));
        Assert.Equal([new RankedEntry(3, "d", 1)], set.Range(3, 10));
        Assert.Equal(4, set.Range(0, int.MaxValue).Count);
        Assert.Equal([2, 3], set.Range(2, int.MaxValue).Select(e => e.Rank));
        Assert.Empty(set.Range(4, 1));
        Assert.Empty(set.Range(int.MaxValue, int.MaxValue));
        Assert.Empty(set.Range(0, 0));
    }

    [Fact]
    public void Range_rejects_negative_arguments()
    {
        var set = Board(("a", 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => set.Range(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Range(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Around("a", -1));
    }

    [Fact]
    public void Around_is_clamped_at_the_top()
    {
        var set = Board(("a", 5), ("b", 4), ("c", 3), ("d", 2), ("e", 1));

        Assert.Equal(["a", "b", "c"], set.Around("a", 2).Select(e => e.Key));
        Assert.Equal(["a", "b", "c", "d"], set.Around("b", 2).Select(e => e.Key));
    }

    [Fact]
    public void Around_is_clamped_at_the_bottom()
    {
        var set = Board(("a", 5), ("b", 4), ("c", 3), ("d", 2), ("e", 1));

        Assert.Equal(
            [new RankedEntry(2, "c", 3), new RankedEntry(3, "d", 2), new RankedEntry(4, "e", 1)],
            set.Around("e", 2));
    }

    [Fact]
    public void Around_returns_both_sides_in_the_middle_and_tolerates_huge_radius()
    {
        var set = Board(("a", 5), ("b", 4), ("c", 3), ("d", 2), ("e", 1));

        Assert.Equal(["b", "c", "d"], set.Around("c", 1).Select(e => e.Key));
        Assert.Equal(["c"], set.Around("c", 0).Select(e => e.Key));
        Assert.Equal(5, set.Around("c", int.MaxValue).Count);
    }

    [Fact]
    public void Add_on_absent_member_starts_from_zero()
    {
        var set = Board(("ada", 3));

        Assert.Equal(-4, set.Add("bob", -4));
        Assert.Equal(7, set.Add("cy", 7));

        Assert.Equal(3, set.Count);
        Assert.Equal(["cy", "ada", "bob"], set.Range(0, 3).Select(e => e.Key));
    }

    [Fact]
    public void Add_accumulates_and_reorders()
    {
        var set = Board(("ada", 10), ("bob", 20));

        Assert.Equal(25, set.Add("ada", 15));

        Assert.Equal(0, set.RankOf("ada"));
        Assert.True(set.TryGetScore("ada", out long score));
        Assert.Equal(25, score);
    }

    [Fact]
    public void Add_that_would_overflow_throws_and_leaves_the_score_unchanged()
    {
        var set = Board(("ada", long.MaxValue - 1));

        Assert.Throws<OverflowException>(() => set.Add("ada", 2));

        Assert.True(set.TryGetScore("ada", out long score));
        Assert.Equal(long.MaxValue - 1, score);
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Null_keys_are_rejected()
    {
        var set = new RankedSet();

        Assert.Throws<ArgumentNullException>(() => set.Set(null!, 1));
        Assert.Throws<ArgumentNullException>(() => set.Add(null!, 1));
        Assert.Throws<ArgumentNullException>(() => set.RankOf(null!));
        Assert.Throws<ArgumentNullException>(() => set.Remove(null!));
    }

    [Fact]
    public void Twenty_thousand_random_operations_match_a_naive_sorted_list()
    {
        var random = new Random(20240611);
        var set = new RankedSet();
        var model = new NaiveBoard();
        // Few keys and a narrow score range force plenty of ties, moves and re-inserts.
        string RandomKey() => "k" + random.Next(300).ToString(System.Globalization.CultureInfo.InvariantCulture);

        for (int i = 0; i < 20_000; i++)
        {
            string key = RandomKey();
            int op = random.Next(100);
            if (op < 35)
            {
                long score = random.Next(-20, 21);
                set.Set(key, score);
                model.Set(key, score);
            }
            else if (op < 60)
            {
                long delta = random.Next(-5, 6);
                Assert.Equal(model.Add(key, delta), set.Add(key, delta));
            }
            else if (op < 80)
            {
                Assert.Equal(model.Remove(key), set.Remove(key));
            }
            else
            {
                int start = random.Next(model.Count + 3);
                int count = random.Next(12);
                Assert.Equal(model.Range(start, count), set.Range(start, count));
                int radius = random.Next(6);
                Assert.Equal(model.Around(key, radius), set.Around(key, radius));
            }

            AssertSameMember(model, set, key);
            AssertSameMember(model, set, RandomKey());
            if (i % 1000 == 0)
            {
                Assert.Equal(model.Range(0, int.MaxValue), set.Range(0, int.MaxValue));
            }
        }

        Assert.Equal(model.Range(0, int.MaxValue), set.Range(0, int.MaxValue));
    }

    [Property(MaxTest = 300)]
    public void Any_operation_sequence_matches_a_naive_sorted_list(int[] operations)
    {
        var set = new RankedSet();
        var model = new NaiveBoard();
        foreach (int raw in operations)
        {
            // One int encodes an operation, one of 12 keys and a small score so shrinking stays readable.
            uint bits = (uint)raw;
            string key = "k" + ((bits >> 2) % 12).ToString(System.Globalization.CultureInfo.InvariantCulture);
            long value = (long)((bits >> 6) % 9) - 4;
            switch (bits & 3)
            {
                case 0:
                    set.Set(key, value);
                    model.Set(key, value);
                    break;
                case 1:
                    Assert.Equal(model.Add(key, value), set.Add(key, value));
                    break;
                case 2:
                    Assert.Equal(model.Remove(key), set.Remove(key));
                    break;
                default:
                    int radius = (int)(value + 4);
                    Assert.Equal(model.Around(key, radius), set.Around(key, radius));
                    break;
            }

            AssertSameMember(model, set, key);
            Assert.Equal(model.Range(0, int.MaxValue), set.Range(0, int.MaxValue));
        }
    }

    private static void AssertSameMember(NaiveBoard model, RankedSet set, string key)
    {
        Assert.Equal(model.Count, set.Count);
        Assert.Equal(model.RankOf(key), set.RankOf(key));
        Assert.Equal(model.TryGetScore(key, out long expected), set.TryGetScore(key, out long actual));
        Assert.Equal(expected, actual);
    }

    // Deliberately dumb reference: sorts everything on every query.
    private sealed class NaiveBoard
    {
        private readonly Dictionary<string, long> _scores = new(StringComparer.Ordinal);

        public int Count => _scores.Count;

        public bool TryGetScore(string key, out long score) => _scores.TryGetValue(key, out score);

        public void Set(string key, long score) => _scores[key] = score;

        public long Add(string key, long delta) => _scores[key] = checked(_scores.GetValueOrDefault(key) + delta);

        public bool Remove(string key) => _scores.Remove(key);

        public int RankOf(string key) => Sorted().FindIndex(e => e.Key == key);

        public List<RankedEntry> Range(int start, int count) =>
            Sorted().Skip(start).Take(count).ToList();

        public List<RankedEntry> Around(string key, int radius)
        {
            int rank = RankOf(key);
            return rank < 0 ? [] : Sorted().Where(e => Math.Abs((long)e.Rank - rank) <= radius).ToList();
        }

        private List<RankedEntry> Sorted() =>
            _scores.OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select((kv, i) => new RankedEntry(i, kv.Key, kv.Value))
                .ToList();
    }
}

using System.Runtime.InteropServices;

namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>
/// An order-statistic set of leaderboard members: each key has one score, members are ordered by score
/// descending with ties broken by key ascending (ordinal), and rank queries never scan.
/// </summary>
/// <remarks>
/// <para>A treap whose nodes live in one array of structs addressed by int index, so a million members
/// cost a few large arrays rather than a million small objects for the GC to trace; freed slots are
/// recycled. Priorities come from a fixed-seed generator, so tree shape and timing are reproducible.</para>
/// <para>Not thread-safe. Callers sharing an instance must serialise access themselves, for example with a
/// <see cref="System.Threading.ReaderWriterLockSlim"/>: <see cref="Count"/>, <see cref="TryGetScore"/>,
/// <see cref="RankOf"/>, <see cref="Range"/> and <see cref="Around"/> only read and may share a read
/// lock; <see cref="Set"/>, <see cref="Add"/> and <see cref="Remove"/> need the write lock.</para>
/// </remarks>
public sealed partial class RankedSet
{
    // Slot 0 is a permanent empty sentinel with Size 0, so reading a missing child's size needs no branch.
    private const int Nil = 0;

    private struct Node
    {
        public string Key;
        public long Score;
        public int Left;
        public int Right;
        public int Size;
        public uint Priority;
    }

    // The dictionary answers "present, and with what score?" in O(1); (score, key) is then the search
    // key that finds the node, which is why nodes need no parent links. It also rejects null keys.
    private readonly Dictionary<string, long> _scores = new(StringComparer.Ordinal);
    private Node[] _nodes = new Node[16];
    private int _highWater = 1;
    private int _freeHead = Nil;
    private int _root = Nil;
    private uint _rngState = 0x9E3779B9u;

    /// <summary>Number of members.</summary>
    public int Count => _scores.Count;

    /// <summary>Gets the score of a member.</summary>
    /// <param name="key">The member key.</param>
    /// <param name="score">The score when present, otherwise 0.</param>
    /// <returns><see langword="true"/> when the member is present.</returns>
    public bool TryGetScore(string key, out long score) => _scores.TryGetValue(key, out score);

    /// <summary>Adds the member or moves it to its new score. O(log n).</summary>
    /// <param name="key">The member key (compared ordinally).</param>
    /// <param name="score">The new score.</param>
    public void Set(string key, long score)
    {
        // One hash lookup for both the presence test and the write; nothing else touches the dictionary.
        ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_scores, key, out bool exists);
        if (exists)
        {
            if (slot == score)
            {
                return;
            }

            Unlink(slot, key);
        }

        slot = score;
        Split(_root, score, key, out int before, out int after);
        _root = Merge(Merge(before, Allocate(key, score)), after);
    }

    /// <summary>Adds delta to the member's score (starting from 0 if absent) and returns the new score. O(log n).</summary>
    /// <param name="key">The member key (compared ordinally).</param>
    /// <param name="delta">The amount to add; may be negative.</param>
    /// <returns>The member's new score.</returns>
    /// <exception cref="OverflowException">The new score does not fit in a <see cref="long"/>; the set is unchanged.</exception>
    public long Add(string key, long delta)
    {
        _scores.TryGetValue(key, out long current);
        // A wrapped score would silently send a top player to the bottom; failing loudly is kinder.
        long updated = checked(current + delta);
        Set(key, updated);
        return updated;
    }

    /// <summary>Removes a member. O(log n).</summary>
    /// <param name="key">The member key.</param>
    /// <returns><see langword="true"/> when the member was present.</returns>
    public bool Remove(string key)
    {
        if (!_scores.Remove(key, out long score))
        {
            return false;
        }

        Unlink(score, key);
        return true;
    }

    /// <summary>0-based rank (0 = best) or -1 when absent. O(log n).</summary>
    /// <param name="key">The member key.</param>
    /// <returns>The rank, or -1 when the member is absent.</returns>
    public int RankOf(string key)
    {
        if (!_scores.TryGetValue(key, out long score))
        {
            return -1;
        }

        Node[] nodes = _nodes;
        int rank = 0;
        for (int t = _root; t != Nil;)
        {
            ref Node n = ref nodes[t];
            int c = Compare(score, key, ref n);
            if (c == 0)
            {
                return rank + nodes[n.Left].Size;
            }

            rank += c > 0 ? nodes[n.Left].Size + 1 : 0;
            t = c < 0 ? n.Left : n.Right;
        }

        throw Corrupted();
    }

    /// <summary>Up to <paramref name="count"/> members starting at 0-based rank <paramref name="start"/>, best first. O(log n + count).</summary>
    /// <param name="start">0-based rank of the first member; at or past the end yields an empty list.</param>
    /// <param name="count">Maximum number of members to return.</param>
    /// <returns>The members in rank order.</returns>
    public IReadOnlyList<RankedEntry> Range(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int take = Math.Min(count, Count - Math.Min(start, Count));
        if (take == 0)
        {
            return Array.Empty<RankedEntry>();
        }

        var result = new RankedEntry[take];
        Collect(_root, 0, start, start + take, result);
        return result;
    }

    /// <summary>The member and up to <paramref name="radius"/> members on each side (clamped at the ends); empty when absent.</summary>
    /// <param name="key">The member key.</param>
    /// <param name="radius">How many neighbours to include on each side.</param>
    /// <returns>The members in rank order, including the member itself.</returns>
    public IReadOnlyList<RankedEntry> Around(string key, int radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        int rank = RankOf(key);
        if (rank < 0)
        {
            return Array.Empty<RankedEntry>();
        }

        int first = Math.Max(0, rank - radius);
        // long because rank + radius overflows when a caller passes int.MaxValue to mean "everyone".
        long last = Math.Min(Count - 1L, (long)rank + radius);
        return Range(first, (int)(last - first + 1));
    }

    // Negative when (score, key) ranks before n: higher scores first, then ordinal key order.
    private static int Compare(long score, string key, ref Node n) =>
        score != n.Score ? (score > n.Score ? -1 : 1) : string.CompareOrdinal(key, n.Key);

    // Only reachable if callers broke the locking contract; a clear error beats a corrupt board.
    private static InvalidOperationException Corrupted() =>
        new("RankedSet index and tree disagree; the set was probably mutated without the caller's lock.");

    private int Allocate(string key, long score)
    {
        if (_freeHead == Nil)
        {
            if (_highWater == _nodes.Length)
            {
                Array.Resize(ref _nodes, _nodes.Length * 2);
            }

            // A never-used slot has Left == Nil, so it is already a one-element free list.
            _freeHead = _highWater++;
        }

        int index = _freeHead;
        _freeHead = _nodes[index].Left;

        // xorshift32: allocation-free and, unlike System.Random, guaranteed stable across runtime versions.
        _rngState ^= _rngState << 13;
        _rngState ^= _rngState >> 17;
        _rngState ^= _rngState << 5;
        _nodes[index] = new Node { Key = key, Score = score, Size = 1, Priority = _rngState };
        return index;
    }

    // Detaches the member at (score, key) and recycles its slot.
    private void Unlink(long score, string key)
    {
        Split(_root, score, key, out int before, out int rest);
        _root = Merge(before, RemoveFirst(rest, key));
    }

    private int RemoveFirst(int t, string key)
    {
        ref Node n = ref _nodes[t];
        if (t == Nil || (n.Left == Nil && !string.Equals(n.Key, key, StringComparison.Ordinal)))
        {
            throw Corrupted();
        }

        if (n.Left == Nil)
        {
            int right = n.Right;
            // Clearing the slot drops the string reference so removed members can be collected.
            n = default;
            n.Left = _freeHead;
            _freeHead = t;
            return right;
        }

        n.Size--;
        n.Left = RemoveFirst(n.Left, key);
        return t;
    }

    // Splits subtree t into members ranking strictly before (score, key) and the rest.
    private void Split(int t, long score, string key, out int before, out int rest)
    {
        if (t == Nil)
        {
            before = rest = Nil;
            return;
        }

        ref Node n = ref _nodes[t];
        if (Compare(score, key, ref n) > 0)
        {
            before = t;
            Split(n.Right, score, key, out n.Right, out rest);
        }
        else
        {
            rest = t;
            Split(n.Left, score, key, out before, out n.Left);
        }

        n.Size = _nodes[n.Left].Size + _nodes[n.Right].Size + 1;
    }

    // Joins two treaps where every member of a ranks before every member of b.
    private int Merge(int a, int b)
    {
        if (a == Nil || b == Nil)
        {
            return a == Nil ? b : a;
        }

        ref Node an = ref _nodes[a];
        ref Node bn = ref _nodes[b];
        if (an.Priority > bn.Priority)
        {
            an.Size += bn.Size;
            an.Right = Merge(an.Right, b);
            return a;
        }

        bn.Size += an.Size;
        bn.Left = Merge(a, bn.Left);
        return b;
    }

    // Writes ranks [from, to) into result; offset is the rank of the leftmost member of subtree t.
    // Only the path down to `from` and the emitted members are visited, hence O(log n + count).
    private void Collect(int t, int offset, int from, int to, RankedEntry[] result)
    {
        while (t != Nil && offset < to)
        {
            ref Node n = ref _nodes[t];
            int rank = offset + _nodes[n.Left].Size;
            if (from < rank)
            {
                Collect(n.Left, offset, from, to, result);
            }

            if (rank >= from && rank < to)
            {
                result[rank - from] = new RankedEntry(rank, n.Key, n.Score);
            }

            offset = rank + 1;
            t = n.Right;
        }
    }
}

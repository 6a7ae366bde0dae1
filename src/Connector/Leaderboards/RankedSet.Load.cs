namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>Bulk loading: a whole board built in one pass instead of one insert per member.</summary>
public sealed partial class RankedSet
{
    /// <summary>
    /// Fills an empty set with <paramref name="members"/> in O(n) when they already come best first
    /// (score descending, then key ordinal), as a board read in rank order does; any other order is
    /// sorted first, so the result never depends on the caller's order. The same set as n calls to
    /// <see cref="Set"/>.
    /// </summary>
    /// <param name="members">Distinct keys with their scores; the list may be reordered in place.</param>
    /// <exception cref="InvalidOperationException">The set is not empty.</exception>
    /// <exception cref="ArgumentException">A key appears twice; the set stays empty.</exception>
    public void Load(List<RankedEntry> members)
    {
        if (Count != 0)
        {
            throw new InvalidOperationException("Load fills an empty set only.");
        }
        // Databases order text by their collation (SQL Server's is often case-insensitive), not ordinally.
        if (!IsRankOrder(members))
        {
            members.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Key, b.Key));
        }
        _scores.EnsureCapacity(members.Count);
        foreach (var member in members)
        {
            if (!_scores.TryAdd(member.Key, member.Score))
            {
                _scores.Clear();
                throw new ArgumentException($"Member '{member.Key}' appears twice.", nameof(members));
            }
        }
        // A set emptied by removals still has recycled slots; start from a fresh array sized for the board.
        _nodes = new Node[Math.Max(16, members.Count + 1)];
        _highWater = 1;
        _freeHead = Nil;
        _root = BuildInOrder(members);
    }

    private static bool IsRankOrder(List<RankedEntry> members)
    {
        for (var i = 1; i < members.Count; i++)
        {
            var (previous, current) = (members[i - 1], members[i]);
            if (previous.Score < current.Score || (previous.Score == current.Score && string.CompareOrdinal(previous.Key, current.Key) >= 0))
            {
                return false;
            }
        }
        return true;
    }

    // The classic stack construction of a Cartesian tree: members arrive in rank order, each takes the
    // nodes of lower priority on the right spine as its left subtree. Every node is pushed and popped once,
    // and a node's subtree is complete when it is popped, which is when its size is known.
    private int BuildInOrder(List<RankedEntry> members)
    {
        var spine = new Stack<int>();
        foreach (var member in members)
        {
            var node = Allocate(member.Key, member.Score);
            var popped = Nil;
            while (spine.Count > 0 && _nodes[spine.Peek()].Priority < _nodes[node].Priority)
            {
                popped = spine.Pop();
                Resize(popped);
            }
            _nodes[node].Left = popped;
            if (spine.Count > 0)
            {
                _nodes[spine.Peek()].Right = node;
            }
            spine.Push(node);
        }
        var root = Nil;
        while (spine.Count > 0)
        {
            root = spine.Pop();
            Resize(root);
        }
        return root;
    }

    private void Resize(int t)
    {
        ref Node n = ref _nodes[t];
        n.Size = _nodes[n.Left].Size + _nodes[n.Right].Size + 1;
    }
}

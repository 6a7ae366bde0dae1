using System.Collections.Concurrent;
using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>
/// In-memory ranked boards, one <see cref="RankedSet"/> per tenant, board and period, loaded from
/// <c>leaderboard_totals</c> on first use and then kept current by the scorer with absolute totals
/// after each commit. Reads never touch the database once a board is loaded. Scaled out, other
/// nodes' commits arrive through <see cref="ApplyRemote"/> (see <see cref="ITotalsFanout"/>).
/// </summary>
public sealed class LeaderboardIndex(Database database, ITotalsFanout fanout)
{
    /// <summary>An index for one node alone (no other nodes to tell).</summary>
    public LeaderboardIndex(Database database)
        : this(database, new NoTotalsFanout())
    {
    }

    private readonly ConcurrentDictionary<BoardKey, LoadedBoard> _boards = new();

    // Rank order, so that the set is built in one pass (RankedSet.Load re-sorts when the collation disagrees).
    private const string SelectBoard = """
        SELECT member_key, points
        FROM leaderboard_totals
        WHERE tenant_id = @TenantId AND board = @Board AND period_key = @PeriodKey
        ORDER BY points DESC, member_key
        """;

    /// <summary>Runs <paramref name="read"/> against the loaded board under its read lock.</summary>
    public async Task<T> ReadAsync<T>(BoardKey key, Func<RankedSet, T> read, CancellationToken ct = default)
    {
        var board = await LoadedAsync(key, ct);
        board.Lock.EnterReadLock();
        try
        {
            return read(board.Set);
        }
        finally
        {
            board.Lock.ExitReadLock();
        }
    }

    /// <summary>Loads a board now unless it is loaded already (the start-up warm-up).</summary>
    public Task WarmAsync(BoardKey key, CancellationToken ct = default) => LoadedAsync(key, ct);

    /// <summary>Whether a board is in memory on this node.</summary>
    public bool IsLoaded(BoardKey key) => _boards.TryGetValue(key, out var board) && board.Loaded;

    /// <summary>
    /// Forgets a tenant's loaded boards on this node so that the next read loads them again, after a
    /// change the scorer does not report (a customer erased and renamed to a pseudonym).
    /// </summary>
    public void Evict(string tenantId, string board)
    {
        foreach (var key in _boards.Keys.Where(k => k.TenantId == tenantId && k.Board == board).ToList())
        {
            _boards.TryRemove(key, out _);
        }
    }

    /// <summary>Records totals this node committed and tells the other nodes.</summary>
    public void Apply(IEnumerable<TotalChange> changes)
    {
        var list = changes as IReadOnlyList<TotalChange> ?? changes.ToList();
        ApplyRemote(list);
        if (list.Count > 0)
        {
            fanout.Publish(list);
        }
    }

    /// <summary>Forgets every loaded board, so the next read reloads it (after messages may have been missed).</summary>
    public void Invalidate() => _boards.Clear();

    /// <summary>Records committed totals (another node's, or this one's); boards nobody has read yet are left to load from the database.</summary>
    public void ApplyRemote(IEnumerable<TotalChange> changes)
    {
        foreach (var change in changes)
        {
            if (!_boards.TryGetValue(change.Board, out var board))
            {
                continue;
            }
            board.Lock.EnterWriteLock();
            try
            {
                if (board.Loaded)
                {
                    board.Set.Set(change.MemberKey, change.Points);
                }
                else if (board.Loading)
                {
                    // A load is reading the database right now and may have missed this commit.
                    board.Missed.Add(change);
                }
            }
            finally
            {
                board.Lock.ExitWriteLock();
            }
        }
    }

    private async Task<LoadedBoard> LoadedAsync(BoardKey key, CancellationToken ct)
    {
        var board = _boards.GetOrAdd(key, _ => new LoadedBoard());
        if (!board.Loaded)
        {
            await LoadAsync(key, board, ct);
        }
        return board;
    }

    private async Task LoadAsync(BoardKey key, LoadedBoard board, CancellationToken ct)
    {
        await board.LoadGate.WaitAsync(ct);
        try
        {
            if (board.Loaded)
            {
                return;
            }
            board.Lock.EnterWriteLock();
            board.Loading = true;
            board.Lock.ExitWriteLock();
            List<RankedEntry> rows;
            try
            {
                rows = await database.RetryAsync(async token => await ReadRowsAsync(key, token), ct);
            }
            catch
            {
                board.Lock.EnterWriteLock();
                board.Loading = false;
                board.Missed.Clear();
                board.Lock.ExitWriteLock();
                throw;
            }
            board.Lock.EnterWriteLock();
            try
            {
                board.Set.Load(rows);
                // Commits applied while we read are newer than or equal to what we read; replay them in order.
                foreach (var missed in board.Missed)
                {
                    board.Set.Set(missed.MemberKey, missed.Points);
                }
                board.Loaded = true;
            }
            finally
            {
                // Also after a failed load (rows a set cannot hold), so that the next read tries again.
                board.Missed.Clear();
                board.Loading = false;
                board.Lock.ExitWriteLock();
            }
        }
        finally
        {
            board.LoadGate.Release();
        }
    }

    // A plain reader into one list: a million rows, no per-row mapping delegate or tuple boxing.
    private async Task<List<RankedEntry>> ReadRowsAsync(BoardKey key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(SelectBoard,
            new { key.TenantId, key.Board, key.PeriodKey }, cancellationToken: ct));
        var rows = new List<RankedEntry>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new RankedEntry(0, reader.GetString(0), reader.GetInt64(1)));
        }
        return rows;
    }

    private sealed class LoadedBoard
    {
        public RankedSet Set { get; } = new();
        public ReaderWriterLockSlim Lock { get; } = new(LockRecursionPolicy.NoRecursion);
        public SemaphoreSlim LoadGate { get; } = new(1, 1);
        public List<TotalChange> Missed { get; } = [];
        public volatile bool Loaded;
        public bool Loading;
    }
}

/// <summary>One board of one tenant for one period key.</summary>
public readonly record struct BoardKey(string TenantId, string Board, string PeriodKey);

/// <summary>A member's new absolute total on a board.</summary>
public readonly record struct TotalChange(BoardKey Board, string MemberKey, long Points);

using System.Threading.Channels;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Wakes the scorer as soon as new rows are committed, so that a point reaches an agent's screen
/// in milliseconds instead of at the next poll. Pulses coalesce: many commits, one wake-up.
/// </summary>
public sealed class InboxSignal
{
    private readonly Channel<bool> _pulses = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>Says that this node committed new work (wakes the local scorer and tells <see cref="Committed"/> listeners).</summary>
    public void Pulse()
    {
        Wake();
        Committed?.Invoke();
    }

    /// <summary>Wakes the local scorer only (another node committed; its lease holder may be us).</summary>
    public void Wake() => _pulses.Writer.TryWrite(true);

    /// <summary>
    /// Raised after each local inbox commit. Scaled out, the host forwards it to the other nodes,
    /// because the node holding a tenant's scoring lease may not be the one that took the webhook.
    /// </summary>
    public event Action? Committed;

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await _pulses.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}

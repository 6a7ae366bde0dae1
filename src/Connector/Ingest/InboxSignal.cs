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

    /// <summary>Says that there is new work.</summary>
    public void Pulse() => _pulses.Writer.TryWrite(true);

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

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Tests.HelpdeskApi;

/// <summary>Keeps every formatted log line (with its exception) so tests can look for leaks.</summary>
public sealed class ListLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " | " + exception));
}

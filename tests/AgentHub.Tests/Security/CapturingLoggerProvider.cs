using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Text;

namespace HelpdeskGamify.AgentHub.Tests.Security;

/// <summary>Keeps every log line of a host (message, exception and every structured value), for scanning.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Everything logged so far.</summary>
    public string Text => string.Join('\n', _lines);

    /// <summary>How many entries were logged.</summary>
    public int Count => _lines.Count;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, _lines);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Capturing(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"scope {category}: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {Describe(state)} | {exception}");
        }

        private static string Describe<TState>(TState state)
        {
            var text = new StringBuilder(state?.ToString());
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(' ').Append(key).Append('=').Append(value);
                }
            }
            return text.ToString();
        }
    }
}

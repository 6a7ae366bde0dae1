using System.Text;

namespace HelpdeskGamify.Connector.CustomEvents.Imports;

/// <summary>
/// Reads RFC 4180 CSV one record at a time from a stream (quoted fields, doubled quotes, line breaks
/// inside quotes), so an import of millions of rows never holds more than one row in memory.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    /// <summary>The longest field accepted, so that an unterminated quote cannot swallow the whole file into memory.</summary>
    public const int MaxFieldLength = 64 * 1024;

    /// <summary>The physical line the last record started on (1-based).</summary>
    public long Line { get; private set; }

    private long _nextLine = 1;

    /// <summary>The next record, or null at the end.</summary>
    public async Task<IReadOnlyList<string>?> ReadAsync(CancellationToken ct)
    {
        var buffer = new char[1];
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        Line = _nextLine;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var c = await Next(buffer);
            if (c < 0)
            {
                if (!any)
                {
                    return null;
                }
                fields.Add(field.ToString());
                return fields;
            }
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _nextLine++;
                    }
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                _nextLine++;
                fields.Add(field.ToString().TrimEnd('\r'));
                return fields;
            }
            else
            {
                field.Append(ch);
            }
            if (field.Length > MaxFieldLength)
            {
                throw new InvalidDataException($"A field starting on line {Line} is longer than {MaxFieldLength} characters (an unterminated quote?).");
            }
        }
    }

    private async Task<int> Next(char[] buffer) => await reader.ReadAsync(buffer.AsMemory()) == 0 ? -1 : buffer[0];
}

using System.Globalization;
using System.Text;

namespace HelpdeskGamify.Benchmarks.Common;

/// <summary>A Markdown table, so that a run's output pastes straight into docs/performance.md.</summary>
internal sealed class Table(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params object?[] cells) =>
        _rows.Add(cells.Select(c => c switch
        {
            null => "—",
            double d => d.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? "",
        }).ToArray());

    public string Render()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => i < r.Length ? r[i].Length : 0).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        text.Append("#### ").AppendLine(title).AppendLine();
        AppendRow(text, headers, widths);
        text.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).AppendLine("|");
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths);
        }
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < widths.Length; i++)
        {
            text.Append(' ').Append((i < cells.Length ? cells[i] : "").PadRight(widths[i])).Append(" |");
        }
        text.AppendLine();
    }
}

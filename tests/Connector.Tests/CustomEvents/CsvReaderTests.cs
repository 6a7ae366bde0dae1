using HelpdeskGamify.Connector.CustomEvents.Imports;

namespace HelpdeskGamify.Connector.Tests.CustomEvents;

public sealed class CsvReaderTests
{
    [Fact]
    public async Task Reads_quotes_doubled_quotes_line_breaks_and_crlf()
    {
        var reader = new CsvReader(new StringReader("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n"));
        Assert.Equal(["a", "b", "c"], await reader.ReadAsync(default));
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], await reader.ReadAsync(default));
        Assert.Equal(2, reader.Line);
        Assert.Equal(["last", "", ""], await reader.ReadAsync(default));
        Assert.Equal(4, reader.Line);
        Assert.Null(await reader.ReadAsync(default));
    }

    [Fact]
    public async Task An_unterminated_quote_stops_with_the_line_instead_of_reading_everything()
    {
        var reader = new CsvReader(new StringReader("a\n\"" + new string('x', CsvReader.MaxFieldLength + 10)));
        await reader.ReadAsync(default);
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(default));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }
}

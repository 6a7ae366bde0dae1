using System.Globalization;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.Connector.Ingest;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.CustomEvents.Imports;

/// <summary>
/// Imports historical customers and visits from CSV through the same inbox (and so the same
/// deduplication and scoring) as live events. The file is read as a stream and written in chunks,
/// with the job's progress updated after each chunk so that <c>GET imports/{id}</c> shows it.
/// </summary>
public sealed class CsvImporter(EventTypeStore types, InboxWriter inbox, ImportStore jobs, TimeProvider clock, ILogger<CsvImporter> logger)
{
    /// <summary>Rows per inbox commit and progress update.</summary>
    public const int ChunkSize = 500;

    /// <summary>The row type that only registers a customer (name), with no points.</summary>
    public const string CustomerRow = "customer";

    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "id", ["type"] = "type", ["customer_id"] = "customerId", ["customer_name"] = "customerName",
        ["agent_id"] = "agentId", ["agent_name"] = "agentName", ["occurred_at"] = "occurredAt",
    };

    /// <summary>Starts a job for <paramref name="tenantId"/>; returns its id before reading (see <see cref="RunAsync"/>).</summary>
    public Task<long> StartAsync(string tenantId, CancellationToken ct) => jobs.StartAsync(tenantId, ct);

    /// <summary>Reads the whole stream into job <paramref name="jobId"/>; returns the finished job.</summary>
    public async Task<ImportJob> RunAsync(string tenantId, long jobId, Stream csv, CancellationToken ct)
    {
        var job = new ImportJob { Id = jobId, TenantId = tenantId };
        var schemas = await types.SchemasAsync(tenantId, ct);
        var reader = new CsvReader(new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
        var items = new List<InboxItem>(ChunkSize);
        var errors = new List<ImportError>();
        try
        {
            var header = await reader.ReadAsync(ct);
            if (header is null || !header.Any(h => h.Trim().Equals("occurred_at", StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new ImportError(1, "header", "The first line must name the columns: type, customer_id, customer_name, occurred_at, id, and attribute columns."));
                job.Errors = 1;
                return await FinishAsync(job, "failed", errors, ct);
            }
            var columns = header.Select(h => h.Trim()).ToList();
            while (await reader.ReadAsync(ct) is { } record)
            {
                job.Total++;
                var row = ToEvent(tenantId, columns, record, schemas, reader.Line, clock.GetUtcNow(), errors);
                if (row is not null)
                {
                    items.Add(row);
                }
                if (items.Count + errors.Count >= ChunkSize)
                {
                    await FlushAsync(job, items, errors, ct);
                }
            }
            await FlushAsync(job, items, errors, ct);
            return await FinishAsync(job, "completed", [], ct);
        }
        catch (Exception ex) when (ex is IOException or DecoderFallbackException or InboxUnavailableException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Import {Job} of tenant {Tenant} stopped at line {Line}: {Reason}", jobId, tenantId, reader.Line, ex.Message);
            // Rows of the unfinished chunk were not stored: processed stays at the last committed chunk.
            errors.Add(new ImportError(reader.Line, "file", "The import stopped here: " + ex.Message));
            job.Errors += errors.Select(e => e.Row).Distinct().Count();
            return await FinishAsync(job, "failed", errors, CancellationToken.None);
        }
    }

    private static InboxItem? ToEvent(string tenantId, List<string> columns, IReadOnlyList<string> record, IReadOnlyDictionary<string, EventTypeSchema> schemas,
        long line, DateTimeOffset now, List<ImportError> errors)
    {
        var values = columns.Zip(record).Where(p => p.Second.Length > 0).ToDictionary(p => p.First, p => p.Second, StringComparer.OrdinalIgnoreCase);
        var type = values.GetValueOrDefault("type") ?? "visit.completed";
        var customerOnly = type == CustomerRow;
        schemas.TryGetValue(type, out var schema);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", customerOnly ? "profile.completed" : type);
            foreach (var (column, value) in values.Where(v => Known.ContainsKey(v.Key) && v.Key != "type"))
            {
                json.WriteString(Known[column], value);
            }
            json.WriteStartObject("attributes");
            foreach (var (column, value) in values.Where(v => !Known.ContainsKey(v.Key) && !customerOnly))
            {
                json.WritePropertyName(column);
                WriteTyped(json, value, schema?.Attributes.GetValueOrDefault(column)?.Type);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        var parsed = CustomEventParser.ParseOne((int)line, document.RootElement, schemas, now);
        if (parsed.Event is null)
        {
            errors.AddRange(parsed.Errors.Select(e => new ImportError(line, ColumnOf(e.Key), e.Value[0])));
            return null;
        }
        // A customer row only introduces the customer (their name) to the programme; it scores nothing.
        var e = customerOnly ? parsed.Event with { Kind = Events.HelpdeskEventKind.ParticipantUpdated, EventType = null } : parsed.Event;
        return CustomEventReceiver.ToInboxItem(tenantId, parsed with { Event = e }, now, "import");
    }

    private static void WriteTyped(Utf8JsonWriter json, string value, AttributeType? type)
    {
        // CSV has only text; the schema says what each column means. Unconvertible values stay text
        // so that the validator reports them with the column's name.
        if (type == AttributeType.Number && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            json.WriteNumberValue(number);
        }
        else if (type == AttributeType.TrueFalse && bool.TryParse(value, out var flag))
        {
            json.WriteBooleanValue(flag);
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static string ColumnOf(string field) =>
        field.StartsWith("attributes.", StringComparison.Ordinal) ? field["attributes.".Length..]
        : Known.FirstOrDefault(k => k.Value == field).Key ?? field;

    private async Task FlushAsync(ImportJob job, List<InboxItem> items, List<ImportError> errors, CancellationToken ct)
    {
        if (items.Count > 0)
        {
            var results = await inbox.AppendAsync(items, ct);
            job.Accepted += results.Count(r => !r.Duplicate);
            job.Duplicates += results.Count(r => r.Duplicate);
        }
        job.Errors += errors.Select(e => e.Row).Distinct().Count();
        job.Processed = job.Total;
        await jobs.ReportAsync(job, errors, ct);
        items.Clear();
        errors.Clear();
    }

    private async Task<ImportJob> FinishAsync(ImportJob job, string status, List<ImportError> errors, CancellationToken ct)
    {
        job.Status = status;
        job.FinishedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await jobs.ReportAsync(job, errors, ct);
        return job;
    }
}

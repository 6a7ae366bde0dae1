using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Zendesk;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Benchmarks.Ingest;

/// <summary>
/// The reference a first version would be: verify the signature, parse, then one SQLite transaction per
/// request holding the event and one ledger row, committed with the same durability (WAL, synchronous=FULL)
/// before the 200. Writes are serialised with a lock, because SQLite has one writer and letting 64
/// requests fight over it with busy retries would make this reference unfairly slow.
/// </summary>
internal sealed class NaiveIngest : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, delivery_id TEXT NOT NULL UNIQUE, ticket_id TEXT NOT NULL, body BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS ledger (id INTEGER PRIMARY KEY AUTOINCREMENT, event_id INTEGER NOT NULL, participant TEXT NOT NULL, points INTEGER NOT NULL);
        """;

    private const string InsertEvent = "INSERT INTO events (delivery_id, ticket_id, body) VALUES (@delivery, @ticket, @body) RETURNING id";
    private const string InsertLedger = "INSERT INTO ledger (event_id, participant, points) VALUES (@event, @participant, 10)";

    private readonly string _secret;
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public NaiveIngest(string secret, string dataDirectory)
    {
        _secret = secret;
        Directory.CreateDirectory(dataDirectory);
        _connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "naive.db")}");
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema + "PRAGMA synchronous=FULL;";
        command.ExecuteNonQuery();
    }

    public string DatabasePath => _connection.DataSource;

    public async Task<bool> AcceptAsync(HttpRequest request, byte[] body)
    {
        if (!ZendeskSignature.Verify(_secret, request.Headers[ZendeskWebhookSource.TimestampHeader], body,
                request.Headers[ZendeskWebhookSource.SignatureHeader], DateTimeOffset.UtcNow))
        {
            return false;
        }
        var e = ZendeskPayloadParser.Parse(body)[0];
        await _writer.WaitAsync();
        try
        {
            using var tx = _connection.BeginTransaction();
            using var insertEvent = _connection.CreateCommand();
            insertEvent.Transaction = tx;
            insertEvent.CommandText = InsertEvent;
            insertEvent.Parameters.AddWithValue("@delivery", e.TicketId + ":" + e.Kind);
            insertEvent.Parameters.AddWithValue("@ticket", e.TicketId);
            insertEvent.Parameters.AddWithValue("@body", body);
            var eventId = (long)insertEvent.ExecuteScalar()!;
            using var insertLedger = _connection.CreateCommand();
            insertLedger.Transaction = tx;
            insertLedger.CommandText = InsertLedger;
            insertLedger.Parameters.AddWithValue("@event", eventId);
            insertLedger.Parameters.AddWithValue("@participant", e.AgentId ?? "");
            insertLedger.ExecuteNonQuery();
            tx.Commit();
            return true;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _writer.Dispose();
    }
}

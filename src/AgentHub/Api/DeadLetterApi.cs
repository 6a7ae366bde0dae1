using System.Text;
using HelpdeskGamify.Connector.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>
/// <c>/api/admin/tenants/{tenant}/dead-letters</c>: deliveries that were authenticated but could not be
/// understood. An admin inspects one, replays it through the current parser once the template or the
/// connector is fixed, or discards it.
/// </summary>
public static class DeadLetterApi
{
    /// <summary>Maps the dead-letter routes on the admin group.</summary>
    public static void MapDeadLetterApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/tenants/{tenant}/dead-letters").WithTags("Dead letters");
        group.MapGet("/", ListAsync).WithName("ListDeadLetters").WithSummary("Open dead letters, oldest first.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetDeadLetter").WithSummary("One dead letter with its raw body and kept headers, in any state.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/replay", ReplayAsync).WithName("ReplayDeadLetter")
            .WithSummary("Re-parses the stored delivery with the current parser and stores its facts like a live delivery.")
            .WithDescription("200 with the webhook answer (accepted or duplicate) and the dead letter marked replayed; 422 naming what is still wrong; 409 when it is no longer open.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/{id:long}", DiscardAsync).WithName("DiscardDeadLetter").WithSummary("Marks the dead letter discarded.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/discard", DiscardAsync).WithName("DiscardDeadLetterByPost").WithSummary("Marks the dead letter discarded (for clients that cannot send DELETE).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<DeadLetterList>> ListAsync(string tenant, DeadLetterStore deadLetters, CancellationToken ct)
    {
        var letters = await deadLetters.ListOpenAsync(tenant, ct);
        return TypedResults.Ok(new DeadLetterList(letters.Select(DeadLetterView.Of).ToList()));
    }

    private static async Task<Results<Ok<DeadLetterView>, ProblemHttpResult>> GetAsync(string tenant, long id, DeadLetterStore deadLetters, CancellationToken ct) =>
        await deadLetters.FindAsync(tenant, id, ct) is { } letter ? TypedResults.Ok(DeadLetterView.Of(letter)) : NotFound(tenant, id);

    private static async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> ReplayAsync(
        string tenant, long id, DeadLetterStore deadLetters, IEnumerable<IWebhookSource> sources, WebhookReceiver receiver, CancellationToken ct)
    {
        var letter = await deadLetters.FindAsync(tenant, id, ct);
        if (letter is null)
        {
            return NotFound(tenant, id);
        }
        if (letter.Status != DeadLetterStatus.Open)
        {
            return NotOpen(letter);
        }
        var source = sources.FirstOrDefault(s => s.Name == letter.Source);
        if (source is null)
        {
            return Unreadable($"No webhook source is named '{letter.Source}' any more.");
        }
        WebhookAnswer answer;
        try
        {
            answer = await receiver.ReplayAsync(source, letter, ct);
        }
        catch (PayloadException ex)
        {
            return Unreadable(ex.Message);
        }
        catch (Exception ex) when (ex is InboxUnavailableException or TimeoutException)
        {
            return WebhookProblems.Unavailable();
        }
        // The facts are stored (or were already there); closing loses a race only to another replay or a discard.
        await deadLetters.CloseAsync(tenant, id, DeadLetterStatus.Replayed, ct);
        return TypedResults.Ok(new ReplayResult(answer.Status, answer.Accepted, answer.Duplicates, DeadLetterView.Of(letter with { Status = DeadLetterStatus.Replayed })));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(string tenant, long id, DeadLetterStore deadLetters, CancellationToken ct)
    {
        var letter = await deadLetters.FindAsync(tenant, id, ct);
        if (letter is null)
        {
            return NotFound(tenant, id);
        }
        return await deadLetters.CloseAsync(tenant, id, DeadLetterStatus.Discarded, ct) ? TypedResults.NoContent() : NotOpen(letter);
    }

    private static ProblemHttpResult NotFound(string tenant, long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dead letter.", detail: $"Tenant '{tenant}' has no dead letter {id}.");

    private static ProblemHttpResult NotOpen(DeadLetter letter) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The dead letter is closed.",
            detail: $"Dead letter {letter.Id} was already {DeadLetterStatus.Name(letter.Status)}.");

    private static ProblemHttpResult Unreadable(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The delivery still cannot be understood.",
            detail: reason + " The dead letter stays open.");
}

/// <summary>Open dead letters.</summary>
public sealed record DeadLetterList(IReadOnlyList<DeadLetterView> Items);

/// <summary>A dead letter as the admin sees it.</summary>
public sealed record DeadLetterView(long Id, string Source, string Reason, string Body, string Headers, DateTimeOffset ReceivedAt, string Status)
{
    /// <summary>The view of a stored dead letter.</summary>
    public static DeadLetterView Of(DeadLetter l) => new(l.Id, l.Source, l.Reason, Encoding.UTF8.GetString(l.RawBody), l.HeadersJson,
        DateTimeOffset.FromUnixTimeMilliseconds(l.ReceivedAtMs), DeadLetterStatus.Name(l.Status));
}

/// <summary>The answer to a replay: what the live webhook would have answered, and the dead letter now closed.</summary>
public sealed record ReplayResult(string Status, int Accepted, int Duplicates, DeadLetterView DeadLetter);

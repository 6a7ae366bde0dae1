using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>RFC 7807 answers shared by the API routes.</summary>
public static class Problems
{
    /// <summary>404 for a tenant that does not exist (admin routes only; tenant routes answer 403 instead).</summary>
    public static ProblemHttpResult TenantNotFound(string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such tenant.", detail: $"Tenant '{tenant}' does not exist.");

    /// <summary>404 for a person who has no points yet.</summary>
    public static ProblemHttpResult ParticipantNotFound(string kind, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {kind}.", detail: $"No {kind} '{id}' has any activity yet.");

    /// <summary>403 for a person asking about someone else.</summary>
    public static ProblemHttpResult NotYours() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You can only see your own details.");

    /// <summary>400 for a query parameter out of range.</summary>
    public static ValidationProblem BadQuery(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] });
}

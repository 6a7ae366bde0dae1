namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>A successful helpdesk answer: its status, body text, and the next page from a <c>Link</c> header, if any.</summary>
public sealed record ApiResponse(int Status, string Body, Uri? NextPage);

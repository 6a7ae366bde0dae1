namespace HelpdeskGamify.Connector.Ingest;

/// <summary>An authenticated body we cannot understand; its message names what is wrong and becomes the 422 detail.</summary>
public sealed class PayloadException(string message) : Exception(message);

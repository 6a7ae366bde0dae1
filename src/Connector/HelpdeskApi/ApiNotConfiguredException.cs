namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>A tenant lacks a setting the helpdesk API needs (subdomain, domain, API token or key).</summary>
public sealed class ApiNotConfiguredException(string message) : Exception(message);

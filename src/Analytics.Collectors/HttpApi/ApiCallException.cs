using System.Net;

namespace Analytics.Collectors.HttpApi;

/// <summary>
/// A source API refused a request, kept failing after the retries, or answered with something unreadable. The message
/// names the source, the method and path and the status; it never contains credentials.
/// </summary>
public sealed class ApiCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The source (<c>jira</c>, <c>pagerduty</c>).</param>
    /// <param name="request">The method and path, without the query string's secrets (there are none in our requests).</param>
    /// <param name="status">The last HTTP status, or null when no answer came.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The underlying failure, if any.</param>
    public ApiCallException(string source, string request, HttpStatusCode? status, string message, Exception? inner = null)
        : base($"{source}: {request}: {message}", inner)
    {
        Source = source;
        Request = request;
        Status = status;
    }

    /// <summary>The source.</summary>
    public new string Source { get; }

    /// <summary>The request (method and path).</summary>
    public string Request { get; }

    /// <summary>The last HTTP status, or null when no answer came.</summary>
    public HttpStatusCode? Status { get; }
}

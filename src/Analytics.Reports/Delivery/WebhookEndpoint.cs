namespace Analytics.Reports.Delivery;

/// <summary>
/// One webhook the <see cref="WebhookChannel"/> posts to, known to the outbox by <see cref="Name"/> (so a URL that
/// embeds a token never sits in the outbox). The signing secret is never here: only the name of the environment
/// variable that holds it. Equality is by value.
/// </summary>
/// <param name="Name">The name messages are enqueued for, such as <c>ops-chat</c>.</param>
/// <param name="Url">Where to POST the JSON body (http or https).</param>
/// <param name="SecretVariable">The environment variable holding the HMAC-SHA256 signing secret; null sends unsigned.</param>
/// <param name="Timeout">The longest one POST may take.</param>
public sealed record WebhookEndpoint(string Name, Uri Url, string? SecretVariable, TimeSpan Timeout)
{
    /// <summary>Its name; never blank.</summary>
    public string Name { get; init => field = Domain.Common.Guard.NotBlank(value, nameof(Name)); } = Domain.Common.Guard.NotBlank(Name);

    /// <summary>Its absolute http or https URL.</summary>
    public Uri Url { get; init => field = CheckUrl(value); } = CheckUrl(Url);

    /// <summary>The POST timeout; positive.</summary>
    public TimeSpan Timeout { get; init => field = CheckTimeout(value); } = CheckTimeout(Timeout);

    private static Uri CheckUrl(Uri url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new ArgumentException("must be an absolute http or https URL", nameof(url));

    private static TimeSpan CheckTimeout(TimeSpan timeout) =>
        timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "must be positive");
}

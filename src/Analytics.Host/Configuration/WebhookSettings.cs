namespace Analytics.Host.Configuration;

/// <summary>One entry of the <c>Webhooks</c> section, by name. Secrets (and URLs that embed a token) come from the environment.</summary>
internal sealed class WebhookSettings
{
    /// <summary>The URL to POST to; or set <see cref="UrlVariable"/> instead when the URL itself is a secret.</summary>
    public string? Url { get; set; }

    /// <summary>The environment variable holding the URL (chat webhooks embed a token in it).</summary>
    public string? UrlVariable { get; set; }

    /// <summary>The environment variable holding the HMAC-SHA256 signing secret; unset sends unsigned.</summary>
    public string? SecretVariable { get; set; }

    /// <summary>The longest one POST may take (default 30 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

namespace Analytics.Collectors.GitHub;

/// <summary>Why a GitHub request failed.</summary>
public enum GitHubErrorKind
{
    /// <summary>401: the token is wrong, revoked or expired.</summary>
    Unauthorized,
    /// <summary>403 without a rate limit: the token lacks a scope or permission.</summary>
    Forbidden,
    /// <summary>404: the resource does not exist or the token cannot see it.</summary>
    NotFound,
    /// <summary>The primary or secondary rate limit did not reset within the allowed wait, or retries ran out.</summary>
    RateLimited,
    /// <summary>5xx, timeouts or connection failures persisted through every retry.</summary>
    Unavailable,
    /// <summary>The body was not the JSON expected.</summary>
    MalformedResponse,
    /// <summary>Any other refusal (400, 422, too many redirects).</summary>
    Refused,
    /// <summary>410: the resource expired or was removed (an artifact past its retention).</summary>
    Gone,
    /// <summary>A download was larger than allowed.</summary>
    TooLarge,
}

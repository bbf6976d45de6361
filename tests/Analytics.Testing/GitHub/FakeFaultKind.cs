namespace Analytics.Testing.GitHub;

/// <summary>A failure the fake GitHub answers with instead of the real response.</summary>
public enum FakeFaultKind
{
    /// <summary>502 Bad Gateway.</summary>
    ServerError,
    /// <summary>403 with <c>retry-after</c> and a secondary-rate-limit message.</summary>
    SecondaryLimit,
    /// <summary>429 with <c>retry-after</c>.</summary>
    TooManyRequests,
    /// <summary>200 with a body cut in the middle.</summary>
    TruncatedJson,
    /// <summary>403 naming the permission needed in <c>X-Accepted-GitHub-Permissions</c>.</summary>
    MissingPermission,
    /// <summary>404 Not Found.</summary>
    NotFound,
    /// <summary>An answer that takes <see cref="FakeGitHubServer.SlowAnswer"/> (a client timeout), then 504.</summary>
    Slow,
    /// <summary>403 with the primary limit at zero (remaining 0, reset a minute ahead); on GraphQL, 200 with a RATE_LIMITED error.</summary>
    PrimaryLimit,
    /// <summary>The connection is reset before any answer.</summary>
    ConnectionReset,
}

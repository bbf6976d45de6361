namespace Analytics.Collectors.GitHub;

/// <summary>
/// What a GraphQL query gave: the whole response body (its <c>data</c> complete, no <c>errors</c>), or, when the caller
/// may ask for less, why GitHub gave up on it (502, 504, a timeout or a resource limit) so a smaller page can be tried.
/// </summary>
/// <param name="Body">The JSON response; null when <paramref name="TooHeavy"/> is set.</param>
/// <param name="TooHeavy">Why the query was too heavy; null on success.</param>
internal sealed record GraphQLAnswer(byte[]? Body, string? TooHeavy);

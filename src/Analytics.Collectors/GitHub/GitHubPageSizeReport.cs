namespace Analytics.Collectors.GitHub;

/// <summary>How the adaptive GraphQL page size moved in a sync.</summary>
/// <param name="Final">The size at the end.</param>
/// <param name="Smallest">The smallest size used.</param>
/// <param name="Shrinks">How often it was halved (a page was too heavy).</param>
/// <param name="Grows">How often it doubled back after successes.</param>
public sealed record GitHubPageSizeReport(int Final, int Smallest, int Shrinks, int Grows);

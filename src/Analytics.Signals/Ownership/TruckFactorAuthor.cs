namespace Analytics.Signals.Ownership;

/// <summary>One of the people removed by the greedy truck-factor algorithm, in removal order.</summary>
/// <param name="Contributor">The person.</param>
/// <param name="Files">How many of the folder's files they author.</param>
/// <param name="Share">
/// <paramref name="Files"/> over the folder's file count; shares of several authors can add up to more than 1, as a
/// file can have several authors.
/// </param>
public sealed record TruckFactorAuthor(Contributor Contributor, int Files, double Share);

using Analytics.Domain.Common;

namespace Analytics.Signals.Wins;

/// <summary>The pull requests merged into one area in the week.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Area">The top folder most of their merge commits' changed lines fall in (<c>src/checkout</c>), or empty when not known (no file history).</param>
/// <param name="PullRequests">How many were merged.</param>
/// <param name="Titles">Their titles, newest first.</param>
public sealed record AreaHighlight(string Repository, string Area, int PullRequests, ValueList<string> Titles);

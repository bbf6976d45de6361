namespace Analytics.Reports.Quarterly;

/// <summary>One team's scorecard in the organisation's review.</summary>
/// <param name="Team">The team.</param>
/// <param name="Current">The review quarter's scorecard.</param>
/// <param name="Previous">The quarter before's scorecard, for the change.</param>
public sealed record TeamSummary(Domain.People.Team Team, Scorecard Current, Scorecard Previous);

using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>The series a selector picked, each holding only the windows complete at the evaluation time, oldest first.</summary>
/// <param name="Series">The series.</param>
public sealed record SeriesSetValue(IReadOnlyList<Series> Series) : Value;

using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Places a row without times of its own by the row it belongs to: a file change by its commit, a review by its pull
/// request. Equality is by value.
/// </summary>
/// <param name="Column">The row's column that names the other row (<c>sha</c>, <c>pull_request_id</c>).</param>
/// <param name="Target">The other row's entity.</param>
/// <param name="TargetColumn">The column of <paramref name="Target"/> it matches (<c>sha</c>, <c>source_id</c>).</param>
/// <param name="TimeColumns">The other row's time columns that place the row.</param>
public sealed record TimeVia(string Column, EntityMap Target, string TargetColumn, IReadOnlyList<string> TimeColumns);

namespace Analytics.Host.Commands;

/// <summary>What one source's collection did: its result (printed with <c>--json</c>) and one line per scope for people.</summary>
/// <param name="Source">The source, such as <c>jira</c>.</param>
/// <param name="Result">The sync's result object.</param>
/// <param name="Lines">The summary lines.</param>
internal sealed record SourceRun(string Source, object Result, IReadOnlyList<string> Lines);

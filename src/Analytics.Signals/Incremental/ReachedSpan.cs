namespace Analytics.Signals.Incremental;

/// <summary>
/// The instants [<paramref name="Start"/>, <paramref name="End"/>) whose windows a change reaches, for some teams.
/// </summary>
/// <param name="Start">The first instant.</param>
/// <param name="End">The end (excluded).</param>
/// <param name="Teams">The teams whose series it reaches; null for every team.</param>
internal readonly record struct ReachedSpan(DateTimeOffset Start, DateTimeOffset End, TeamSet? Teams);

namespace Analytics.Signals.Ownership;

/// <summary>One counted file and who its authors are.</summary>
/// <param name="Path">The file's path at the as-of point.</param>
/// <param name="Authors">Indexes into <see cref="AuthorshipMap.Contributors"/> of its authors, ascending; empty for an orphan.</param>
/// <param name="LastChange">When a person (not a bot) last changed it or a path it was renamed from.</param>
internal sealed record FileAuthorship(string Path, int[] Authors, DateTimeOffset LastChange);

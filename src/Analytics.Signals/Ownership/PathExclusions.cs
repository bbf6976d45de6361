using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Signals.Ownership;

/// <summary>
/// A list of <see cref="PathGlob"/> patterns matched as one: a path is excluded when any pattern matches it. The
/// patterns become one expression, <c>^(?:p1|p2|…)$</c>, which matches exactly when one of the patterns' own
/// <c>^p$</c> does, run by .NET's non-backtracking engine: a path is tested in one linear pass instead of by ~50
/// interpreted expressions, each backtracking over its leading <c>(?:.*/)?</c> (measured on 115,000 paths: 0.1–0.3 s
/// against 4.3 s; <see cref="RegexOptions.Compiled"/> took 1.3 s, and more to compile). Built once per process and
/// list (the default list serves every repository).
/// </summary>
internal sealed class PathExclusions
{
    private static readonly ConcurrentDictionary<string, PathExclusions> Built = new(StringComparer.Ordinal);

    private readonly Regex? _regex;

    private PathExclusions(IReadOnlyList<string> patterns)
    {
        var globs = patterns.Select(p => new PathGlob(p)).ToList();
        _regex = globs.Count == 0
            ? null
            : new Regex("^(?:" + string.Join('|', globs.Select(g => g.Expression)) + ")$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    /// <summary>The exclusions of <paramref name="patterns"/>, built once per process for each distinct list.</summary>
    /// <exception cref="ArgumentException">A pattern is blank.</exception>
    public static PathExclusions Of(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);

        // Each pattern prefixed with its length: distinct lists give distinct keys whatever characters they hold.
        var key = string.Concat(patterns.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p?.Length}:{p}")));
        return Built.GetOrAdd(key, _ => new PathExclusions(patterns));
    }

    /// <summary>Whether a pattern matches <paramref name="path"/>.</summary>
    public bool IsMatch(string path) => _regex?.IsMatch(path) ?? false;
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Signals.Ownership;

/// <summary>
/// A list of <see cref="PathGlob"/> patterns matched as one: a path is excluded when any pattern matches it. The
/// patterns become one compiled expression, <c>^(?:p1|p2|…)$</c>, which matches exactly when one of the patterns'
/// own <c>^p$</c> does; it is compiled once per process and list (the default list for every repository), so the
/// compilation that made each pattern's own compiled expression too dear per repository is paid once, and a path is
/// tested in one pass instead of by ~50 interpreted expressions.
/// </summary>
internal sealed class PathExclusions
{
    private static readonly ConcurrentDictionary<string, PathExclusions> Compiled = new(StringComparer.Ordinal);

    private readonly Regex? _regex;

    private PathExclusions(IReadOnlyList<string> patterns)
    {
        var globs = patterns.Select(p => new PathGlob(p)).ToList();
        _regex = globs.Count == 0
            ? null
            : new Regex("^(?:" + string.Join('|', globs.Select(g => g.Expression)) + ")$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>The exclusions of <paramref name="patterns"/>, compiled once per process for each distinct list.</summary>
    /// <exception cref="ArgumentException">A pattern is blank.</exception>
    public static PathExclusions Of(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);

        // Each pattern prefixed with its length: distinct lists give distinct keys whatever characters they hold.
        var key = string.Concat(patterns.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p?.Length}:{p}")));
        return Compiled.GetOrAdd(key, _ => new PathExclusions(patterns));
    }

    /// <summary>Whether a pattern matches <paramref name="path"/>.</summary>
    public bool IsMatch(string path) => _regex?.IsMatch(path) ?? false;
}

using System.Text.RegularExpressions;

namespace Analytics.Collectors.GitHub;

/// <summary>Matches <c>owner/name</c> against patterns where <c>*</c> is any run of characters and <c>?</c> one character (case-insensitive, like GitHub names).</summary>
internal static class GlobPattern
{
    /// <summary>Whether <paramref name="name"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string name)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(name, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Whether a name passes include (empty = all) and exclude lists.</summary>
    public static bool Selected(string name, IReadOnlyList<string> include, IReadOnlyList<string> exclude) =>
        (include.Count == 0 || include.Any(p => IsMatch(p, name))) && !exclude.Any(p => IsMatch(p, name));
}

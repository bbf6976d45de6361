using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Signals.Ownership;

/// <summary>
/// A glob over repository paths (<c>/</c>-separated, relative to the top folder), compared case-sensitively as git
/// does: <c>**/</c> matches any number of folders (none included), a trailing <c>/**</c> everything below a folder,
/// <c>*</c> any characters but <c>/</c>, <c>?</c> one character but <c>/</c>. A pattern without <c>/</c> matches a
/// file name in any folder, as in <c>.gitignore</c>.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    /// <summary>Compiles a pattern.</summary>
    /// <exception cref="ArgumentException">The pattern is blank.</exception>
    public PathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern.Trim();
        var text = Pattern.TrimStart('/');
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            text = "**/" + text;
        }

        // Interpreted, not RegexOptions.Compiled: the ledger builds its ~50 default exclusions for every repository it
        // maps, and compiling each to IL and JIT-compiling it cost more CPU (over 0.5 s per repository) than matching
        // every path of the repository with the interpreter.
        Expression = ToRegex(text);
        _regex = new Regex("^" + Expression + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>The regular expression a whole path must match (without its anchors), for <see cref="PathExclusions"/>.</summary>
    internal string Expression { get; }

    /// <summary>Whether <paramref name="path"/> matches.</summary>
    public bool IsMatch(string path) => _regex.IsMatch(path);

    /// <inheritdoc />
    public override string ToString() => Pattern;

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var atStart = i == 0 || glob[i - 1] == '/';
                if (atStart && i + 2 < glob.Length && glob[i + 2] == '/')
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}

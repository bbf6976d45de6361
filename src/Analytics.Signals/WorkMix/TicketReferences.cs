using System.Text.RegularExpressions;

namespace Analytics.Signals.WorkMix;

/// <summary>
/// Finds ticket keys (<c>PAY-123</c>: an upper-case project key, a dash, a number) in a pull request's title or branch,
/// the way Jira's development panel links them. A key must stand alone: <c>feature/PAY-123-retries</c> and
/// <c>PAY-123: retries</c> mention <c>PAY-123</c>; <c>XPAY-123</c> mentions <c>XPAY-123</c> only and <c>PAY-123x</c> nothing.
/// </summary>
internal static partial class TicketReferences
{
    /// <summary>The distinct keys mentioned in <paramref name="texts"/>, in order of appearance.</summary>
    public static IReadOnlyList<string> In(params string?[] texts)
    {
        var keys = new List<string>();
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (Match match in Key().Matches(text))
            {
                if (!keys.Contains(match.Value, StringComparer.Ordinal))
                {
                    keys.Add(match.Value);
                }
            }
        }

        return keys;
    }

    /// <summary>
    /// The keys mentioned in <paramref name="text"/>, as positions in it (repeats included): what <see cref="In"/> finds,
    /// without a string per key, for a caller looking only for some keys.
    /// </summary>
    public static Regex.ValueMatchEnumerator Matches(ReadOnlySpan<char> text) => Key().EnumerateMatches(text);

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,9}-[0-9]{1,7}(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}

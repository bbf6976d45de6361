namespace Analytics.Collectors.GitHub;

/// <summary>Reads GitHub's <c>link</c> header (<c>&lt;url&gt;; rel="next", …</c>).</summary>
internal static class LinkHeader
{
    /// <summary>The URL with <c>rel="next"</c>, or null on the last page (or without a header).</summary>
    public static string? Next(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        foreach (var part in header.Split(','))
        {
            var pieces = part.Split(';');
            var target = pieces[0].Trim();
            if (target.Length < 2 || target[0] != '<' || target[^1] != '>')
            {
                continue;
            }

            if (pieces.Skip(1).Any(p => p.Trim().Equals("rel=\"next\"", StringComparison.OrdinalIgnoreCase)))
            {
                return target[1..^1];
            }
        }

        return null;
    }
}

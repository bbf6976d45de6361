namespace Analytics.Signals.CiCost;

/// <summary>
/// What a CI runner costs per minute, by the labels a job asks a runner for. A key is a label (<c>self-hosted</c>,
/// <c>ubuntu-latest</c>) or a prefix pattern ending in <c>*</c> (<c>macos-*</c>; <c>*</c> alone matches any label), compared
/// ignoring case. A job's price is that of its most specific match over all its labels: an exact label beats a pattern,
/// a longer pattern beats a shorter one, and among equals the job's earlier label wins. A job no key matches costs 0 and
/// its runner is <c>unpriced</c>. Equality is by reference.
/// </summary>
/// <param name="PerMinute">Price per runner minute by label or pattern, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The currency of the prices (default <c>USD</c>); only shown, never converted.</param>
public sealed record RunnerPrices(IReadOnlyDictionary<string, decimal> PerMinute, string Currency = "USD")
{
    /// <summary>The runner of a job no key matches.</summary>
    public const string Unpriced = "unpriced";

    /// <summary>
    /// GitHub-hosted standard runners' list prices per minute (GitHub Docs, "Actions runner pricing": Linux 2-core
    /// 0.008 USD, Windows 2-core 0.016 USD, macOS 3/4-core 0.08 USD, the minute multipliers 1, 2 and 10 of the same
    /// page) and 0 for self-hosted runners, which GitHub does not bill; <c>*</c> prices any other label (larger or custom
    /// hosted runners) as Linux. Check the current prices and your plan's discounts, and configure your own.
    /// </summary>
    public static RunnerPrices Default { get; } = new(DefaultPerMinute());

    /// <summary>The default prices as a fresh, changeable dictionary (the settings start from it and override keys).</summary>
    public static Dictionary<string, decimal> DefaultPerMinute() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["self-hosted"] = 0m,
        ["ubuntu-*"] = 0.008m,
        ["windows-*"] = 0.016m,
        ["macos-*"] = 0.08m,
        ["*"] = 0.008m,
    };

    /// <summary>The key that prices a job with <paramref name="labels"/>, and its price per minute.</summary>
    public (string Runner, decimal PerMinute) PriceOf(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        (string Key, int Rank)? best = null;
        foreach (var label in labels)
        {
            foreach (var key in PerMinute.Keys)
            {
                // An exact match outranks every pattern; a pattern ranks by the length of its prefix.
                var rank = string.Equals(key, label, StringComparison.OrdinalIgnoreCase) ? int.MaxValue
                    : key.EndsWith('*') && label.StartsWith(key[..^1], StringComparison.OrdinalIgnoreCase) ? key.Length - 1
                    : -1;
                if (rank >= 0 && (best is null || rank > best.Value.Rank))
                {
                    best = (key, rank);
                }
            }
        }

        return best is { } match ? (match.Key, PerMinute[match.Key]) : (Unpriced, 0m);
    }
}

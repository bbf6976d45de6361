namespace Analytics.Collectors.GitHub;

/// <summary>
/// The page size of a query GitHub may give up on: it starts at the configured size, halves when a page is too heavy
/// (502, 504, a timeout or a resource limit; the caller asks for the same page again) down to 1, and doubles again,
/// up to the configured size, after <see cref="GrowAfter"/> pages in a row went through. Not thread-safe: one per
/// sequence of pages.
/// </summary>
internal sealed class AdaptivePageSize
{
    /// <summary>Successes in a row after which the size doubles (default of the constructor: 3).</summary>
    public const int DefaultGrowAfter = 3;

    private int _streak;

    /// <summary>Creates a size that starts at (and never exceeds) <paramref name="maximum"/>.</summary>
    /// <param name="maximum">The configured size, 1–100.</param>
    /// <param name="growAfter">Successes in a row before the size doubles; at least 1.</param>
    public AdaptivePageSize(int maximum, int growAfter = DefaultGrowAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximum, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(growAfter, 1);
        Maximum = maximum;
        Current = maximum;
        GrowAfter = growAfter;
    }

    /// <summary>The configured size: the start and the ceiling.</summary>
    public int Maximum { get; }

    /// <summary>Successes in a row after which the size doubles.</summary>
    public int GrowAfter { get; }

    /// <summary>The size to ask for now.</summary>
    public int Current { get; private set; }

    /// <summary>The smallest size used so far.</summary>
    public int Smallest => Math.Min(_smallest, Current);

    /// <summary>How often the size was halved.</summary>
    public int Shrinks { get; private set; }

    /// <summary>How often the size was doubled.</summary>
    public int Grows { get; private set; }

    private int _smallest = int.MaxValue;

    /// <summary>Whether a too-heavy page can be asked for again, smaller (false at 1: the failure then stands).</summary>
    public bool CanShrink => Current > 1;

    /// <summary>Halves the size after a too-heavy page.</summary>
    /// <returns>False when the size is already 1 (nothing changes).</returns>
    public bool Shrink() => Shrink(Current);

    /// <summary>Halves the size of a too-heavy page that asked for <paramref name="asked"/> items (fewer than <see cref="Current"/> when the caller needed no more).</summary>
    /// <returns>False when the page asked for one item (nothing changes: the failure stands).</returns>
    public bool Shrink(int asked)
    {
        _streak = 0;
        var from = Math.Min(Current, asked);
        if (from <= 1)
        {
            return false;
        }

        Current = from / 2;
        _smallest = Math.Min(_smallest, Current);
        Shrinks++;
        return true;
    }

    /// <summary>Notes a page that went through; the size doubles (up to <see cref="Maximum"/>) after <see cref="GrowAfter"/> in a row.</summary>
    public void Succeeded()
    {
        if (Current >= Maximum)
        {
            _streak = 0;
            return;
        }

        if (++_streak >= GrowAfter)
        {
            Current = Math.Min(Maximum, Current * 2);
            Grows++;
            _streak = 0;
        }
    }
}

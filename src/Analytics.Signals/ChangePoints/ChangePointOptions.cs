namespace Analytics.Signals.ChangePoints;

/// <summary>
/// How <see cref="ChangePointDetector"/> looks for change points. The defaults are Apache Otava's
/// (<c>AnalysisOptions</c>: window 50, p 0.001, minimum magnitude 0) plus a minimum segment length of 1, which is what
/// Otava does, and a final recheck of the merge that Otava lacks (<see cref="RecheckAfterMerge"/>); equality is by value. See <c>docs/signals/change-points.md</c>.
/// </summary>
public sealed record ChangePointOptions
{
    /// <summary>The options Otava uses by default.</summary>
    public static ChangePointOptions Default { get; } = new();

    /// <summary>
    /// The length of the sliding windows E-Divisive runs in (the split step); windows advance by half of it, or to the
    /// last change point found. Default 50; at least 2. Longer windows see smaller shifts but cost O(window²) each.
    /// </summary>
    public int WindowLength { get; init; } = 50;

    /// <summary>
    /// The largest p-value of the two-sided Student t-test at which a change point is kept. Default 0.001. The split
    /// step uses a relaxed threshold (see <see cref="FirstPassPValue"/>) and the merge step this one. Between 0 and 1.
    /// </summary>
    public double MaxPValue { get; init; } = 0.001;

    /// <summary>
    /// The merge step removes change points whose relative magnitude, max(|after/before − 1|, |before/after − 1|) of
    /// the segment means, is at most this. Default 0 (only changes of exactly nothing are dropped); 0.05–0.10 suits
    /// noisy CI durations. Zero or more.
    /// </summary>
    public double MinMagnitude { get; init; }

    /// <summary>
    /// The fewest points a segment may have: no candidate split leaves fewer on either side. Default 1 (Otava). Raise it
    /// for series with spikes and little noise, where a single outlier otherwise forms a segment with zero variance that
    /// the t-test calls significant. At least 1.
    /// </summary>
    public int MinSegmentLength { get; init; } = 1;

    /// <summary>
    /// Whether, once the merge step stops, every change point is checked again against its final segments, merging on
    /// while one fails the p-value or the magnitude. Default true. Otava does not: after a removal it recomputes the
    /// figures of the points to the right only, so a point left of a removed one can be kept on stale figures and
    /// reported with a p-value or magnitude its own thresholds reject. False reproduces Otava's output exactly.
    /// </summary>
    public bool RecheckAfterMerge { get; init; } = true;

    /// <summary>The split step's relaxed threshold: 10 × <see cref="MaxPValue"/> below 0.05, 2 × below 0.5, else unchanged (Otava).</summary>
    public double FirstPassPValue => MaxPValue < 0.05 ? MaxPValue * 10 : MaxPValue < 0.5 ? MaxPValue * 2 : MaxPValue;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its documented range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowLength, 2, nameof(WindowLength));
        if (!(MaxPValue is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPValue), MaxPValue, "the p-value threshold must be between 0 and 1");
        }

        if (!(MinMagnitude >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MinMagnitude), MinMagnitude, "the minimum magnitude must be zero or more");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MinSegmentLength, 1, nameof(MinSegmentLength));
    }
}

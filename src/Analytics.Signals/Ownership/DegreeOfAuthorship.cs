namespace Analytics.Signals.Ownership;

/// <summary>
/// The degree-of-authorship model of Fritz et al. as used by Avelino, Passos, Hora and Valente, "A Novel Approach for
/// Estimating Truck Factors", ICPC 2016 (arXiv:1604.06766), with the coefficients and thresholds of the authors' tool
/// (<c>AuthorshipInfo.java</c> and <c>config.properties</c> of aserg-ufmg/Truck-Factor; see
/// <c>/work/shared/docs/signal-science.md</c> §1.1):
/// <code>
/// DOA(d, f) = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)
/// author(d, f) ⇔ DOA / max_d' DOA(d', f) &gt; 0.75 AND (DOA ≥ 3.293 OR FA)
/// </code>
/// FA is 1 when d has an ADDED record of f (first or "secondary" author, the tool's <c>getDoaMultAuthor</c>), DL the
/// number of MODIFIED and RENAMED records of f by d, AC the same records by everyone else.
/// </summary>
public static class DegreeOfAuthorship
{
    /// <summary>The constant term, also the absolute threshold (<c>absoluteDOA=3.293</c>).</summary>
    public const double Constant = 3.293;

    /// <summary>The first-authorship coefficient.</summary>
    public const double FirstAuthorship = 1.098;

    /// <summary>The deliveries coefficient.</summary>
    public const double Deliveries = 0.164;

    /// <summary>The acceptances coefficient (subtracted, on ln(1 + AC)).</summary>
    public const double Acceptances = 0.321;

    /// <summary>A developer is an author when their DOA divided by the file's best DOA is above this (<c>normalizedDOA=0.75</c>).</summary>
    public const double NormalizedThreshold = 0.75;

    /// <summary>The absolute threshold (<c>absoluteDOA=3.293</c>), waived for developers who added the file.</summary>
    public const double AbsoluteThreshold = 3.293;

    /// <summary>The degree of authorship of one developer on one file.</summary>
    /// <param name="firstAuthorship">FA: 1 when the developer added the file (0 to 1 under recency decay).</param>
    /// <param name="deliveries">DL: the developer's changes to the file (decayed under recency decay).</param>
    /// <param name="acceptances">AC: the other developers' changes to the file (decayed under recency decay).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative.</exception>
    public static double Of(double firstAuthorship, double deliveries, double acceptances)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstAuthorship);
        ArgumentOutOfRangeException.ThrowIfNegative(deliveries);
        ArgumentOutOfRangeException.ThrowIfNegative(acceptances);
        return Constant + (FirstAuthorship * firstAuthorship) + (Deliveries * deliveries) - (Acceptances * Math.Log(1 + acceptances));
    }

    /// <summary>
    /// The tool's authorship rule (<c>AuthorshipInfo.isDOAAuthor</c>): normalised DOA above 0.75, and absolute DOA at
    /// least 3.293 unless the developer added the file.
    /// </summary>
    /// <param name="doa">The developer's DOA on the file.</param>
    /// <param name="bestDoa">The highest DOA of any developer on the file.</param>
    /// <param name="added">Whether the developer has an ADDED record of the file.</param>
    public static bool IsAuthor(double doa, double bestDoa, bool added) =>
        bestDoa > 0 && doa / bestDoa > NormalizedThreshold && (doa >= AbsoluteThreshold || added);
}

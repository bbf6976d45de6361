namespace Analytics.Signals.Statistics;

/// <summary>
/// Draws, for a resample of n draws with replacement from positions 0…n−1, the positions of its k-th and (k+1)-th
/// smallest draws (0-based), in O(1) per resample instead of n draws and a sort.
/// </summary>
/// <remarks>
/// Why it is the textbook resample: a draw with replacement is ⌊n·U⌋ for U uniform on [0, 1), and ⌊n·x⌋ is monotone, so
/// the k-th smallest of n such draws is ⌊n·U₍ₖ₊₁₎⌋, where U₍ₖ₊₁₎, the (k+1)-th smallest of n uniforms, follows
/// Beta(k + 1, n − k). Given U₍ₖ₊₁₎ = u, the n − k − 1 uniforms above it are independent and uniform on (u, 1), so the
/// next one is u + (1 − u)·(1 − V^(1/(n−k−1))) with V uniform (the minimum of m uniforms is 1 − V^(1/m)). (David and
/// Nagaraja, <i>Order Statistics</i>, 3rd ed., 2003, §2.2–2.3.) The Beta variate is X / (X + Y) with X ~ Gamma(k + 1)
/// and Y ~ Gamma(n − k), each drawn by Marsaglia and Tsang's exact rejection method ("A simple method for generating gamma
/// variables", ACM TOMS 26(3), 2000), whose normal variates come from Marsaglia's polar method (Marsaglia and Bray 1964).
/// Every step is exact in real arithmetic; floating-point rounding can move ⌊n·x⌋ only when n·x lies within a few ulps
/// of an integer (about 1e-14 per draw), far below the 2⁻³¹ granularity of <see cref="Random.Next(int)"/> that the
/// draw-by-draw procedure has. Deterministic for a given <see cref="Random"/> state on one platform (it uses
/// <see cref="Math.Log(double)"/> and <see cref="Math.Pow"/>, whose last bit the C runtime decides).
/// </remarks>
internal sealed class ResampleOrderStatistics
{
    private readonly Random _random;
    private readonly int _n;
    private readonly int _k;
    private readonly Gamma _below;
    private readonly Gamma _above;

    // The polar method makes normal variates in pairs; the second waits here for the next call.
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>A sampler for the <paramref name="k"/>-th and next order statistics of <paramref name="n"/> draws.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive or <paramref name="k"/> is outside 0…n−1.</exception>
    public ResampleOrderStatistics(Random random, int n, int k)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, n);
        _random = random;
        _n = n;
        _k = k;
        _below = new Gamma(k + 1);
        _above = new Gamma(n - k);
    }

    /// <summary>
    /// The positions of one resample's k-th and (k+1)-th smallest draws; both the k-th when k is the last (n − 1), as
    /// <see cref="Quantile.OfSorted"/> takes the last value twice.
    /// </summary>
    public (int Lower, int Upper) Next()
    {
        var x = NextGamma(_below);
        var y = NextGamma(_above);
        var u = x / (x + y);
        var lower = Position(u);
        var above = _n - _k - 1;
        if (above == 0)
        {
            return (lower, lower);
        }

        // 1 − NextDouble() is in (0, 1], so the power is too and the gap in [0, 1).
        var gap = 1 - Math.Pow(1 - _random.NextDouble(), 1.0 / above);
        var next = u + ((1 - u) * gap);
        return (lower, Position(next));
    }

    /// <summary>⌊n·u⌋, kept below n should rounding bring u to 1.</summary>
    private int Position(double u) => Math.Min((int)(_n * u), _n - 1);

    /// <summary>Marsaglia and Tsang (2000), section 4, for shape ≥ 1 (here always a whole number ≥ 1).</summary>
    private double NextGamma(Gamma gamma)
    {
        while (true)
        {
            double x;
            double v;
            do
            {
                x = NextNormal();
                v = 1 + (gamma.C * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = _random.NextDouble();
            var xx = x * x;
            if (u < 1 - (0.0331 * xx * xx))
            {
                return gamma.D * v;
            }

            if (Math.Log(u) < (0.5 * xx) + (gamma.D * (1 - v + Math.Log(v))))
            {
                return gamma.D * v;
            }
        }
    }

    /// <summary>A standard normal variate by Marsaglia's polar method.</summary>
    private double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double a;
        double b;
        double s;
        do
        {
            a = (2 * _random.NextDouble()) - 1;
            b = (2 * _random.NextDouble()) - 1;
            s = (a * a) + (b * b);
        }
        while (s >= 1 || s == 0);

        var scale = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = b * scale;
        _hasSpareNormal = true;
        return a * scale;
    }

    /// <summary>Marsaglia and Tsang's constants for one shape: d = shape − 1/3, c = 1/√(9d).</summary>
    private readonly record struct Gamma
    {
        public Gamma(int shape)
        {
            D = shape - (1.0 / 3);
            C = 1 / Math.Sqrt(9 * D);
        }

        public double D { get; }

        public double C { get; }
    }
}

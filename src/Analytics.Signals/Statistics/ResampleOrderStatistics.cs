using System.Numerics;

namespace Analytics.Signals.Statistics;

/// <summary>
/// Draws, for a resample of n draws with replacement from positions 0…n−1, the positions of its k-th and (k+1)-th
/// smallest draws (0-based), in O(1) per resample instead of n draws and a sort.
/// </summary>
/// <remarks>
/// Why it is the textbook resample: a draw with replacement is ⌊n·U⌋ for U uniform on [0, 1), and ⌊n·x⌋ is monotone, so
/// the k-th and (k+1)-th smallest of n such draws are ⌊n·U₍ₖ₊₁₎⌋ and ⌊n·U₍ₖ₊₂₎⌋, the same function of the uniforms' order
/// statistics. Those come from Rényi's representation (Devroye, <i>Non-Uniform Random Variate Generation</i>, 1986,
/// §V.2): with E₁…Eₙ₊₁ independent standard exponentials and Sⱼ their partial sums, (S₁, …, Sₙ) / Sₙ₊₁ is distributed
/// as the n sorted uniforms. So U₍ₖ₊₁₎ = X / T and U₍ₖ₊₂₎ = (X + E) / T, where X = Sₖ₊₁ ~ Gamma(k + 1), E ~ Exp(1),
/// Y ~ Gamma(n − k − 1) (the remaining exponentials) and T = X + E + Y. The gamma variates come from Marsaglia and
/// Tsang's exact rejection method ("A simple method for generating gamma variables", ACM TOMS 26(3), 2000) with normal
/// variates from Marsaglia's polar method; the uniforms from xoshiro256** seeded through SplitMix64 (Blackman and Vigna,
/// "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021), the generator .NET's unseeded
/// <see cref="Random"/> uses, here with a seed so that the same data draw the same stream in every process. Every step
/// is exact in real arithmetic; rounding can move ⌊n·x⌋ only when n·x lies within a few ulps of an integer (about 1e-14
/// per draw), far below the 2⁻³¹ granularity of the seeded <see cref="Random.Next(int)"/> that the draw-by-draw
/// procedure has. <see cref="Math.Log(double)"/>'s last bit is the C runtime's, so streams agree across processes on
/// one platform.
/// </remarks>
internal sealed class ResampleOrderStatistics
{
    private readonly int _n;
    private readonly int _k;
    private readonly Gamma _below;
    private readonly Gamma? _above;

    // xoshiro256**'s state.
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    // The polar method makes normal variates in pairs; the second waits here for the next call.
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>
    /// A sampler for the <paramref name="k"/>-th and next order statistics of <paramref name="n"/> draws, its random
    /// stream fixed by <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive or <paramref name="k"/> is outside 0…n−1.</exception>
    public ResampleOrderStatistics(int seed, int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, n);
        _n = n;
        _k = k;
        _below = new Gamma(k + 1);
        _above = n - k - 1 == 0 ? null : new Gamma(n - k - 1);

        // SplitMix64 expands the seed into the four words, as xoshiro's authors recommend (never all zero).
        var state = (ulong)(uint)seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>
    /// The positions of one resample's k-th and (k+1)-th smallest draws; both the k-th when k is the last (n − 1), as
    /// <see cref="Quantile.OfSorted"/> takes the last value twice.
    /// </summary>
    public (int Lower, int Upper) Next()
    {
        var x = NextGamma(_below);

        // 1 − NextDouble() is in (0, 1], so the exponential is finite and not negative.
        var e = -Math.Log(1 - NextDouble());
        if (_above is not { } above)
        {
            var last = Position(x / (x + e));
            return (last, last);
        }

        var total = x + e + NextGamma(above);
        return (Position(x / total), Position((x + e) / total));
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
            var u = NextDouble();
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
            a = (2 * NextDouble()) - 1;
            b = (2 * NextDouble()) - 1;
            s = (a * a) + (b * b);
        }
        while (s >= 1 || s == 0);

        var scale = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = b * scale;
        _hasSpareNormal = true;
        return a * scale;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of xoshiro256**'s next output.</summary>
    private double NextDouble()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return (result >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>SplitMix64's next output (Steele, Lea and Flood 2014), for seeding.</summary>
    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
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

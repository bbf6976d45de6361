using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests;

/// <summary>
/// <see cref="ResampleOrderStatistics"/> against the exact distribution of a resample's order statistics. For small n the
/// exact joint distribution of the k-th and (k+1)-th smallest of n draws with replacement comes from enumerating all nⁿ
/// resamples (the textbook procedure, every outcome of it, each with probability n⁻ⁿ); for n = 40 and 90 from a formula
/// checked against that enumeration (<c>FormulaPairs</c>); and up to n = 1,000 the k-th's marginal is
/// P(J ≤ j) = P(Binomial(n, (j+1)/n) ≥ k + 1) (at least k + 1 of the n draws fall at positions 0…j). The sampler's
/// frequencies over 200,000 draws are held to Pearson's chi-square bound at the 0.0001 level: 21 such tests run,
/// so a correct sampler fails one by chance with probability about 0.2% (fixed seeds make each verdict the same every
/// run; at 0.001 one of them, n = 3 and k = 1, drew a statistic at p ≈ 0.0003, and 2,000,000 draws of the same stream
/// gave an ordinary 7.3 on 5 degrees of freedom), while a wrong order statistic exceeds the bound many times over.
/// </summary>
public sealed class ResampleOrderStatisticsTests
{
    private const int Draws = 200_000;

    /// <summary>(n, k): k = ⌊(n − 1)p⌋ for the median, p75 and p90 at small n, and the extremes k = 0 and k = n − 1.</summary>
    public static TheoryData<int, int> SmallCases => new()
    {
        { 3, 1 }, { 4, 1 }, { 4, 2 }, { 5, 2 }, { 5, 3 }, { 6, 2 }, { 6, 3 }, { 6, 4 }, { 7, 3 }, { 7, 4 }, { 7, 5 },
        { 6, 0 }, { 6, 5 },
    };

    [Theory]
    [MemberData(nameof(SmallCases))]
    public void Next_SmallResamples_MatchTheEnumeratedJointDistribution(int n, int k)
    {
        var exact = EnumeratedPairs(n, k);
        var sampler = new ResampleOrderStatistics((n * 100) + k, n, k);
        var observed = new Dictionary<(int, int), long>();
        for (var d = 0; d < Draws; d++)
        {
            var pair = sampler.Next();
            observed[pair] = observed.GetValueOrDefault(pair) + 1;
        }

        observed.Keys.Should().OnlyContain(pair => exact.ContainsKey(pair), "every drawn pair must be a possible one");
        var (statistic, bound) = ChiSquare(exact.Select(e => (e.Value, observed.GetValueOrDefault(e.Key))).ToList());
        statistic.Should().BeLessThan(bound, $"n = {n}, k = {k}");
    }

    [Fact]
    public void Next_AnotherOrderStatisticsDistribution_FailsTheSameBound()
    {
        // The test above has power: draws of the median pair of 7 (k = 3) against the exact distribution for k = 4.
        var wrong = EnumeratedPairs(7, 4);
        var sampler = new ResampleOrderStatistics(703, 7, 3);
        var observed = new Dictionary<(int, int), long>();
        for (var d = 0; d < Draws; d++)
        {
            var pair = sampler.Next();
            observed[pair] = observed.GetValueOrDefault(pair) + 1;
        }

        var (statistic, bound) = ChiSquare(wrong.Select(e => (e.Value, observed.GetValueOrDefault(e.Key))).ToList());
        statistic.Should().BeGreaterThan(bound);
    }

    [Theory]
    [InlineData(90, 44)]
    [InlineData(90, 66)]
    [InlineData(90, 80)]
    [InlineData(1_000, 899)]
    public void Next_LargeResamples_LowerMatchesTheBinomialDistribution(int n, int k)
    {
        var sampler = new ResampleOrderStatistics(n + k, n, k);
        var observed = new long[n];
        for (var d = 0; d < Draws; d++)
        {
            var (lower, upper) = sampler.Next();
            upper.Should().BeGreaterThanOrEqualTo(lower);
            observed[lower]++;
        }

        var cells = Enumerable.Range(0, n)
            .Select(j => (AtMost(n, k, j) - (j == 0 ? 0 : AtMost(n, k, j - 1)), observed[j]))
            .ToList();
        var (statistic, bound) = ChiSquare(cells);
        statistic.Should().BeLessThan(bound, $"n = {n}, k = {k}");
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(7, 5)]
    public void JointFormula_SmallResamples_EqualsTheEnumeration(int n, int k)
    {
        // The formula the large-n test below relies on, checked against every resample where enumerating them is cheap.
        var enumerated = EnumeratedPairs(n, k);
        var formula = FormulaPairs(n, k);

        formula.Where(f => f.Value > 0).Select(f => f.Key).Should().BeEquivalentTo(enumerated.Keys);
        foreach (var (pair, probability) in enumerated)
        {
            formula[pair].Should().BeApproximately(probability, 1e-12, $"{pair}");
        }
    }

    [Theory]
    [InlineData(40, 19)]
    [InlineData(40, 29)]
    [InlineData(40, 35)]
    [InlineData(90, 44)]
    public void Next_LargeResamples_MatchTheJointDistribution(int n, int k)
    {
        var exact = FormulaPairs(n, k);
        var sampler = new ResampleOrderStatistics((n * 1000) + k, n, k);
        var observed = new Dictionary<(int, int), long>();
        for (var d = 0; d < Draws; d++)
        {
            var pair = sampler.Next();
            observed[pair] = observed.GetValueOrDefault(pair) + 1;
        }

        observed.Keys.Should().OnlyContain(pair => exact.ContainsKey(pair), "every drawn pair must be a possible one");
        var (statistic, bound) = ChiSquare(exact.Select(e => (e.Value, observed.GetValueOrDefault(e.Key))).ToList());
        statistic.Should().BeLessThan(bound, $"n = {n}, k = {k}");
    }

    [Fact]
    public void Next_OneDraw_IsPositionZero()
    {
        var sampler = new ResampleOrderStatistics(1, 1, 0);

        Enumerable.Range(0, 100).Select(_ => sampler.Next()).Distinct().Should().Equal((0, 0));
    }

    /// <summary>
    /// Every one of the nⁿ resamples of positions 0…n−1, sorted: the probability of each (k-th, (k+1)-th) pair (the
    /// (k+1)-th is the k-th again when k = n − 1, as the sampler reports it).
    /// </summary>
    private static Dictionary<(int, int), double> EnumeratedPairs(int n, int k)
    {
        var total = (int)Math.Pow(n, n);
        var counts = new Dictionary<(int, int), long>();
        var resample = new int[n];
        for (var code = 0; code < total; code++)
        {
            var rest = code;
            for (var i = 0; i < n; i++)
            {
                resample[i] = rest % n;
                rest /= n;
            }

            Array.Sort(resample);
            var pair = (resample[k], resample[Math.Min(k + 1, n - 1)]);
            counts[pair] = counts.GetValueOrDefault(pair) + 1;
        }

        return counts.ToDictionary(c => c.Key, c => (double)c.Value / total);
    }

    /// <summary>
    /// P(k-th smallest = j, (k+1)-th smallest = j′) for k &lt; n − 1, by conditioning on A, the number of draws below j
    /// (Binomial(n, j/n)), then E, the draws at j (Binomial(n − A, 1/(n − j)) among the draws at or above j): the k-th
    /// and the next are both j when A ≤ k and A + E ≥ k + 2; when A + E = k + 1 exactly, the other r = n − k − 1 draws are
    /// uniform over the m = n − 1 − j positions above j, and the next is j′ when their minimum is, with probability
    /// ((m − t)/m)^r − ((m − t − 1)/m)^r for t = j′ − j − 1.
    /// </summary>
    private static Dictionary<(int, int), double> FormulaPairs(int n, int k)
    {
        var pairs = new Dictionary<(int, int), double>();
        var r = n - k - 1;
        for (var j = 0; j < n; j++)
        {
            var together = 0.0;
            var exactlyUpToJ = 0.0;
            for (var a = 0; a <= k; a++)
            {
                var below = Binomial(n, j / (double)n, a);
                var atLeast = 0.0;
                for (var e = k + 2 - a; e <= n - a; e++)
                {
                    atLeast += Binomial(n - a, 1.0 / (n - j), e);
                }

                together += below * atLeast;
                exactlyUpToJ += below * Binomial(n - a, 1.0 / (n - j), k + 1 - a);
            }

            pairs[(j, j)] = together;
            var m = n - 1 - j;
            for (var t = 0; t < m; t++)
            {
                pairs[(j, j + 1 + t)] = exactlyUpToJ * (Math.Pow((m - t) / (double)m, r) - Math.Pow((m - t - 1) / (double)m, r));
            }
        }

        return pairs;
    }

    /// <summary>P(Binomial(n, p) = i), through logarithms so that no power underflows on the way.</summary>
    private static double Binomial(int n, double p, int i)
    {
        if (i < 0 || i > n)
        {
            return 0;
        }

        if (p <= 0 || p >= 1)
        {
            return (p <= 0 ? i == 0 : i == n) ? 1 : 0;
        }

        var logChoose = 0.0;
        for (var x = 0; x < i; x++)
        {
            logChoose += Math.Log(n - x) - Math.Log(x + 1.0);
        }

        return Math.Exp(logChoose + (i * Math.Log(p)) + ((n - i) * Math.Log(1 - p)));
    }

    /// <summary>P(k-th smallest of n draws ≤ j) = P(Binomial(n, (j + 1)/n) ≥ k + 1), summed term by term.</summary>
    private static double AtMost(int n, int k, int j)
    {
        var p = (j + 1.0) / n;
        if (p >= 1)
        {
            return 1;
        }

        // log pmf(i) = log C(n, i) + i·log p + (n − i)·log(1 − p), in logs so that (1 − p)ⁿ does not underflow at n = 1,000.
        var logChoose = 0.0;
        var below = 0.0;
        for (var i = 0; i <= k; i++)
        {
            below += Math.Exp(logChoose + (i * Math.Log(p)) + ((n - i) * Math.Log(1 - p)));
            logChoose += Math.Log(n - i) - Math.Log(i + 1.0);
        }

        return 1 - below;
    }

    /// <summary>
    /// Pearson's statistic over cells of (probability, observed count), cells expecting fewer than 5 merged into one, and
    /// the 0.0001-level critical value for its degrees of freedom by the Wilson–Hilferty approximation
    /// χ² ≈ df·(1 − 2/(9df) + z·√(2/(9df)))³ with z = 3.719 (the normal's 0.9999 quantile).
    /// </summary>
    private static (double Statistic, double Bound) ChiSquare(IReadOnlyList<(double Probability, long Observed)> cells)
    {
        var merged = new List<(double Expected, long Observed)>();
        var (restExpected, restObserved) = (0.0, 0L);
        foreach (var (probability, count) in cells)
        {
            var expected = probability * Draws;
            if (expected >= 5)
            {
                merged.Add((expected, count));
            }
            else
            {
                restExpected += expected;
                restObserved += count;
            }
        }

        if (restExpected > 0 || restObserved > 0)
        {
            merged.Add((restExpected, restObserved));
        }

        var statistic = merged.Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected);
        var df = merged.Count - 1;
        var h = 2.0 / (9 * df);
        var bound = df * Math.Pow(1 - h + (3.719 * Math.Sqrt(h)), 3);
        return (statistic, bound);
    }
}

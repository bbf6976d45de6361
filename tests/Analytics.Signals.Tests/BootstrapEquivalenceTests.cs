using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests;

/// <summary>
/// <see cref="Bootstrap.Interval(IReadOnlyList{double}, Aggregator)"/> against the textbook procedure: the seeded draws value by value, each resample
/// aggregated with <see cref="Aggregation.Apply"/>, the 2.5th and 97.5th percentiles of the 1,000 estimates. The mean
/// still draws that way, so its intervals equal the procedure's bit for bit. The quantiles draw each resample's two order
/// statistics directly (<see cref="ResampleOrderStatistics"/>, whose exact distribution ResampleOrderStatisticsTests
/// checks): another random stream with the same distribution, so their intervals are compared as distributions, over many
/// random streams.
/// </summary>
public sealed class BootstrapEquivalenceTests
{
    public static TheoryData<Aggregator> Quantiles => new() { Aggregator.Median, Aggregator.P75, Aggregator.P90 };

    [Fact]
    public void Interval_MeanOfRandomDataWithTies_EqualsTheTextbookProcedureBitForBit()
    {
        var random = new Random(20261122);
        for (var set = 0; set < 200; set++)
        {
            var values = DataSet(random, random.Next(3, 81));

            var actual = Bootstrap.Interval(values, Aggregator.Mean);

            actual.Should().Be(Reference(values, Aggregator.Mean, new Random(Seed(values))), $"data set {set} ({values.Count} values)");
        }
    }

    [Fact]
    public void Interval_MeanOfLargeDataAndAllTies_EqualsTheTextbookProcedureBitForBit()
    {
        // Large sizes, and data with one or two distinct values.
        foreach (var values in LargeAndTiedSets())
        {
            Bootstrap.Interval(values, Aggregator.Mean).Should().Be(Reference(values, Aggregator.Mean, new Random(Seed(values))), $"{values.Length} values");
        }
    }

    [Theory]
    [MemberData(nameof(Quantiles))]
    public void Interval_QuantileOfLargeDataAndAllTies_LiesWithinTheDataAndIsExactForOneValue(Aggregator aggregator)
    {
        // Every resample of 40 fives has the quantile 5, whatever the stream; otherwise the bounds are data or between.
        foreach (var values in LargeAndTiedSets())
        {
            var (low, high) = Bootstrap.Interval(values, aggregator)!.Value;

            low.Should().BeGreaterThanOrEqualTo(values.Min(), $"{values.Length} values");
            high.Should().BeLessThanOrEqualTo(values.Max(), $"{values.Length} values");
            low.Should().BeLessThanOrEqualTo(high, $"{values.Length} values");
        }

        Bootstrap.Interval(Enumerable.Repeat(5.0, 40).ToArray(), aggregator).Should().Be((5.0, 5.0));
    }

    private static List<double[]> LargeAndTiedSets()
    {
        var random = new Random(44);
        return
        [
            Enumerable.Range(0, 1_500).Select(_ => (double)random.Next(200)).ToArray(),
            Enumerable.Range(0, 777).Select(_ => random.NextDouble() * 1_000).ToArray(),
            Enumerable.Repeat(5.0, 40).ToArray(),
            [.. Enumerable.Repeat(1.0, 30), .. Enumerable.Repeat(2.0, 3)],
            [3, 3, 4],
        ];
    }

    [Fact]
    public void Interval_MeanWithNaN_EqualsTheTextbookProcedureBitForBit()
    {
        // Resamples that draw the NaN have a NaN mean, which Array.Sort puts first: the bounds then come from a sort.
        double[] values = [1, double.NaN, 3, 4, 7, 11, 2, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597];

        Bootstrap.Interval(values, Aggregator.Mean).Should().Be(Reference(values, Aggregator.Mean, new Random(Seed(values))));
    }

    [Theory]
    [MemberData(nameof(Quantiles))]
    public void Interval_QuantileOverManyRandomStreams_BoundsDistributedAsTheTextbookProcedure(Aggregator aggregator)
    {
        // 300 streams each. The bounds take few distinct values (interpolations between data points), so the comparison is
        // distribution-free: the two-sample Kolmogorov–Smirnov distance below its 0.001-level critical value
        // 1.949·√(2/300) = 0.159 (conservative for discrete distributions), and the means within 4 standard errors of
        // their difference. An off-by-one order statistic moves the bounds by whole gaps between data points and fails.
        const int Streams = 300;
        foreach (var size in new[] { 9, 40 })
        {
            var values = DataSet(new Random(size), size);
            var ours = Enumerable.Range(0, Streams).Select(s => Bootstrap.Interval(values, aggregator, s)!.Value).ToList();
            var textbook = Enumerable.Range(0, Streams).Select(s => Reference(values, aggregator, new Random(1_000_000 + s))!.Value).ToList();

            AssertSameDistribution(ours.Select(i => i.Low).ToList(), textbook.Select(i => i.Low).ToList(), $"{aggregator} low, n = {size}");
            AssertSameDistribution(ours.Select(i => i.High).ToList(), textbook.Select(i => i.High).ToList(), $"{aggregator} high, n = {size}");
        }
    }

    [Theory]
    [MemberData(nameof(Quantiles))]
    public void Interval_QuantileOfRandomData_LiesWithinTheDataAndAroundTheEstimate(Aggregator aggregator)
    {
        // Every resample's quantile interpolates between two of the values, so both bounds lie between the smallest and
        // largest value, and low ≤ high.
        var random = new Random(20261123);
        for (var set = 0; set < 200; set++)
        {
            var values = DataSet(random, random.Next(3, 81));

            var (low, high) = Bootstrap.Interval(values, aggregator)!.Value;

            low.Should().BeGreaterThanOrEqualTo(values.Min(), $"data set {set}");
            high.Should().BeLessThanOrEqualTo(values.Max(), $"data set {set}");
            low.Should().BeLessThanOrEqualTo(high, $"data set {set}");
        }
    }

    [Fact]
    public void Interval_NegativeZeroAmongZeros_EqualsThePositiveZeroIntervalOnTheSameStream()
    {
        // −0 and +0 compare equal, so which of the two a sort puts first is undefined; the bounds compare equal either way.
        double[] values = [-0.0, 0.0, 0.0, -0.0, 1, 2, -0.0, 3];
        var positive = values.Select(v => v == 0 ? 0.0 : v).ToArray();

        var (low, high) = Bootstrap.Interval(values, Aggregator.Median, 5)!.Value;
        var (positiveLow, positiveHigh) = Bootstrap.Interval(positive, Aggregator.Median, 5)!.Value;

        low.Should().Be(positiveLow);
        high.Should().Be(positiveHigh);
        high.Should().BeInRange(0, 3);
    }

    /// <summary>Durations, some rounded to whole minutes so that ties are common.</summary>
    private static List<double> DataSet(Random random, int size) =>
        Enumerable.Range(0, size)
            .Select(_ => random.Next(4) == 0 ? Math.Round(random.NextDouble() * 10) * 60 : random.NextDouble() * 86_400)
            .ToList();

    private static void AssertSameDistribution(IReadOnlyList<double> ours, IReadOnlyList<double> textbook, string what)
    {
        var (oursMean, oursSd) = MeanAndDeviation(ours);
        var (textbookMean, textbookSd) = MeanAndDeviation(textbook);
        var standardError = Math.Sqrt((oursSd * oursSd / ours.Count) + (textbookSd * textbookSd / textbook.Count));

        // The bounds are sums of values sorted in different orders: equal up to rounding, hence the 1e-6 floor.
        Math.Abs(oursMean - textbookMean).Should().BeLessThanOrEqualTo((4 * standardError) + 1e-6, what);
        KolmogorovSmirnov(ours, textbook).Should().BeLessThan(1.949 * Math.Sqrt((double)(ours.Count + textbook.Count) / (ours.Count * textbook.Count)), what);
    }

    /// <summary>The largest distance between the two empirical distribution functions, over every value either holds.</summary>
    private static double KolmogorovSmirnov(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var a = first.Order().ToArray();
        var b = second.Order().ToArray();
        var (i, j, distance) = (0, 0, 0.0);
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            distance = Math.Max(distance, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        return distance;
    }

    private static (double Mean, double Deviation) MeanAndDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)));
    }

    /// <summary>The procedure as Bootstrap's documentation states it, with the random stream given.</summary>
    private static (double Low, double High)? Reference(IReadOnlyList<double> values, Aggregator aggregator, Random random)
    {
        if (values.Count < Bootstrap.MinimumObservations)
        {
            return null;
        }

        var estimates = new double[Bootstrap.Resamples];
        for (var b = 0; b < Bootstrap.Resamples; b++)
        {
            var sample = new double[values.Count];
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = values[random.Next(values.Count)];
            }

            estimates[b] = aggregator.Apply(sample)!.Value;
        }

        return (Quantile.Of(estimates, 0.025)!.Value, Quantile.Of(estimates, 0.975)!.Value);
    }

    /// <summary>The seed Bootstrap documents: FNV-1a over the values' bits.</summary>
    private static int Seed(IReadOnlyList<double> values)
    {
        var hash = 2166136261u;
        foreach (var value in values)
        {
            var bits = BitConverter.DoubleToInt64Bits(value);
            for (var shift = 0; shift < 64; shift += 8)
            {
                hash = (hash ^ (uint)((bits >> shift) & 0xFF)) * 16777619u;
            }
        }

        return (int)hash;
    }
}

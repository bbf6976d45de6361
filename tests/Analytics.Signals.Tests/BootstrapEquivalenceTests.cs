using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests;

/// <summary>
/// <see cref="Bootstrap.Interval"/> sorts each resample by counting (linear time) instead of Array.Sort; these tests hold
/// it to the textbook procedure it replaces, bit for bit: the same seeded draws, each resample sorted and aggregated with
/// <see cref="Aggregation.Apply"/>, the 2.5th and 97.5th percentiles of the 1,000 estimates.
/// </summary>
public sealed class BootstrapEquivalenceTests
{
    public static TheoryData<Aggregator> Aggregators => new() { Aggregator.Median, Aggregator.P75, Aggregator.P90, Aggregator.Mean };

    [Theory]
    [MemberData(nameof(Aggregators))]
    public void Interval_RandomDataWithTies_EqualsTheTextbookProcedureBitForBit(Aggregator aggregator)
    {
        var random = new Random(20261122);
        for (var set = 0; set < 200; set++)
        {
            // Sizes 3–80; durations, some rounded to whole minutes so that ties are common.
            var values = Enumerable.Range(0, random.Next(3, 81))
                .Select(_ => random.Next(4) == 0 ? Math.Round(random.NextDouble() * 10) * 60 : random.NextDouble() * 86_400)
                .ToList();

            var actual = Bootstrap.Interval(values, aggregator);

            actual.Should().Be(Reference(values, aggregator), $"data set {set} ({values.Count} values)");
        }
    }

    [Theory]
    [MemberData(nameof(Aggregators))]
    public void Interval_LargeDataAndAllTies_EqualsTheTextbookProcedureBitForBit(Aggregator aggregator)
    {
        // Sizes where the quantile is read off the rank counts far from the ends, and data with one or two distinct
        // values, where most counts are zero.
        var random = new Random(44);
        List<double[]> sets =
        [
            Enumerable.Range(0, 1_500).Select(_ => (double)random.Next(200)).ToArray(),
            Enumerable.Range(0, 777).Select(_ => random.NextDouble() * 1_000).ToArray(),
            Enumerable.Repeat(5.0, 40).ToArray(),
            [.. Enumerable.Repeat(1.0, 30), .. Enumerable.Repeat(2.0, 3)],
            [3, 3, 4],
        ];

        foreach (var values in sets)
        {
            Bootstrap.Interval(values, aggregator).Should().Be(Reference(values, aggregator), $"{values.Length} values");
        }
    }

    [Fact]
    public void Interval_NegativeZeroAmongZeros_EqualsTheTextbookProcedureBitForBit()
    {
        // −0 and +0 compare equal, so their order after sorting is Array.Sort's: such data take the plain path.
        double[] values = [-0.0, 0.0, 0.0, -0.0, 1, 2, -0.0, 3];

        var actual = Bootstrap.Interval(values, Aggregator.Median)!.Value;
        var expected = Reference(values, Aggregator.Median)!.Value;

        BitConverter.DoubleToInt64Bits(actual.Low).Should().Be(BitConverter.DoubleToInt64Bits(expected.Low));
        BitConverter.DoubleToInt64Bits(actual.High).Should().Be(BitConverter.DoubleToInt64Bits(expected.High));
    }

    /// <summary>The procedure as Bootstrap's documentation states it, seeded as it documents (FNV-1a over the values' bits).</summary>
    private static (double Low, double High)? Reference(IReadOnlyList<double> values, Aggregator aggregator)
    {
        if (values.Count < Bootstrap.MinimumObservations)
        {
            return null;
        }

        var hash = 2166136261u;
        foreach (var value in values)
        {
            var bits = BitConverter.DoubleToInt64Bits(value);
            for (var shift = 0; shift < 64; shift += 8)
            {
                hash = (hash ^ (uint)((bits >> shift) & 0xFF)) * 16777619u;
            }
        }

        var random = new Random((int)hash);
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
}

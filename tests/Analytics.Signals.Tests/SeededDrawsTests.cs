using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests;

/// <summary>
/// <see cref="SeededDraws"/> gives exactly the integers a seeded <see cref="Random"/> gives, since bootstrap intervals
/// computed before it must not change.
/// </summary>
public sealed class SeededDrawsTests
{
    public static TheoryData<int> Seeds => new() { 0, 1, -1, 42, 161_803_398, -161_803_398, int.MaxValue, int.MinValue, int.MinValue + 1, 20_261_122 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fill_Seed_GivesRandomsSequence(int seed)
    {
        // Ranges from 1 (always 0) to int.MaxValue, in bursts of different lengths from one generator: the state carries
        // over between calls as Random's does.
        var expected = new Random(seed);
        var actual = new SeededDraws(seed);
        var burst = 0;
        foreach (var maxValue in new[] { 1, 2, 3, 7, 80, 1_000, 65_536, 1_000_003, int.MaxValue - 1, int.MaxValue })
        {
            var draws = new int[(++burst * 37) + 5];
            actual.Fill(draws, maxValue);

            draws.Should().Equal(Enumerable.Range(0, draws.Length).Select(_ => expected.Next(maxValue)), $"seed {seed}, max {maxValue}");
        }
    }

    [Fact]
    public void Fill_LongSequence_GivesRandomsSequence()
    {
        // Far past the 55 values of the generator's state, many times over.
        var expected = new Random(7);
        var actual = new SeededDraws(7);
        var draws = new int[100_000];

        actual.Fill(draws, 12_345);

        draws.Should().Equal(Enumerable.Range(0, draws.Length).Select(_ => expected.Next(12_345)));
        draws.Distinct().Count().Should().BeGreaterThan(10_000);
    }
}

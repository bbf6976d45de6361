using System.Diagnostics;
using Analytics.Collectors.Simulation;
using Analytics.Domain.Testing;

namespace Analytics.Collectors.Tests.Simulation;

public sealed class TestResultStreamTests
{
    private static readonly DateTimeOffset End = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12_345)]
    public void Generate_Count_YieldsExactlyCount(int count)
    {
        TestResultStream.Generate(count, 1, End).Count().Should().Be(count);
    }

    [Fact]
    public void Generate_HugeCount_IsLazy()
    {
        var watch = Stopwatch.StartNew();

        var first = TestResultStream.Generate(int.MaxValue, 1, End).Take(10).ToList();

        first.Should().HaveCount(10);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Generate_SameArguments_SameResults()
    {
        TestResultStream.Generate(5_000, 3, End).Should().Equal(TestResultStream.Generate(5_000, 3, End));
        TestResultStream.Generate(5_000, 4, End).Should().NotEqual(TestResultStream.Generate(5_000, 3, End));
    }

    [Fact]
    public void Generate_Results_AreRealisticAndWithinTheYear()
    {
        var results = TestResultStream.Generate(200_000, 9, End).ToList();

        results.Should().OnlyContain(r => r.StartedAt >= End.AddDays(-365) && r.StartedAt <= End);
        results.Select(r => r.TestId).Distinct().Count().Should().BeGreaterThan(500);
        results.Should().Contain(r => r.Execution == 1).And.Contain(r => r.Attempt == 2);
        results.Count(r => r.Outcome == TestOutcome.Failed).Should().BeInRange(1, results.Count / 50);
        results.Select(r => (r.Repository, r.RunId, r.Attempt, r.Job, r.TestId, r.Execution)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Generate_NegativeCount_ThrowsAtOnce()
    {
        var act = () => TestResultStream.Generate(-1, 1, End);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

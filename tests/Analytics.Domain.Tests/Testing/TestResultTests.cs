using Analytics.Domain.Testing;

namespace Analytics.Domain.Tests.Testing;

public sealed class TestResultTests
{
    [Fact]
    public void Constructor_AttemptZero_Throws()
    {
        var act = () => Result(attempt: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Attempt");
    }

    [Fact]
    public void Constructor_NegativeExecution_Throws()
    {
        var act = () => Result(execution: -1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Execution");
    }

    [Fact]
    public void Constructor_NegativeDuration_Throws()
    {
        var act = () => Result(duration: TimeSpan.FromMilliseconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Duration");
    }

    [Fact]
    public void Constructor_FirstExecutionOfFirstAttempt_IsValid()
    {
        var result = Result(attempt: 1, execution: 0, duration: TimeSpan.Zero);

        result.Attempt.Should().Be(1);
        result.Execution.Should().Be(0);
    }

    [Theory]
    [InlineData("unit", "Shop.CartTests", "Adds", "Shop.CartTests::Adds")]
    [InlineData("unit", null, "Adds", "unit::Adds")]
    [InlineData("unit", " ", "Adds", "unit::Adds")]
    public void CreateId_ClassOrSuite_PrefixesName(string suite, string? className, string name, string expected)
    {
        TestCase.CreateId(suite, className, name).Should().Be(expected);
    }

    [Fact]
    public void TestCase_BlankTestId_Throws()
    {
        var act = () => new TestCase("junit", "acme/shop", "", "unit", null, "Adds", null);

        act.Should().Throw<ArgumentException>().WithParameterName("TestId");
    }

    private static TestResult Result(int attempt = 1, int execution = 0, TimeSpan? duration = null) =>
        new(
            "junit", "acme/shop", "Shop.CartTests::Adds", "r1", attempt, "test", execution, "abc123", "main",
            TestOutcome.Passed, duration ?? TimeSpan.FromSeconds(1), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            null);
}

using Analytics.Collectors.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class AdaptivePageSizeTests
{
    [Fact]
    public void Shrink_RepeatedlyFromFifty_HalvesDownToOneThenRefuses()
    {
        var size = new AdaptivePageSize(50);

        var sizes = new List<int> { size.Current };
        while (size.Shrink())
        {
            sizes.Add(size.Current);
        }

        // 50 → 25 → 12 → 6 → 3 → 1 (integer halves), then the failure stands.
        sizes.Should().Equal(50, 25, 12, 6, 3, 1);
        size.Shrinks.Should().Be(5);
        size.CanShrink.Should().BeFalse();
    }

    [Fact]
    public void Succeeded_AfterKInARow_DoublesUpToTheConfiguredSize()
    {
        var size = new AdaptivePageSize(40, growAfter: 3);
        size.Shrink();
        size.Shrink();
        size.Current.Should().Be(10);

        var seen = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            size.Succeeded();
            seen.Add(size.Current);
        }

        // Doubles on the 3rd and 6th success (10 → 20 → 40) and then stays at the configured 40.
        seen.Should().Equal(10, 10, 20, 20, 20, 40, 40, 40, 40);
        size.Grows.Should().Be(2);
        size.Smallest.Should().Be(10);
    }

    [Fact]
    public void Succeeded_StreakBrokenByAShrink_StartsCountingAgain()
    {
        var size = new AdaptivePageSize(8, growAfter: 2);
        size.Shrink();
        size.Succeeded();
        size.Shrink();
        size.Succeeded();

        size.Current.Should().Be(2, "8 → 4 → 2 with no two successes in a row");
        size.Succeeded();
        size.Current.Should().Be(4);
    }

    [Fact]
    public void Shrink_PageSmallerThanTheSize_HalvesWhatWasAskedFor()
    {
        var size = new AdaptivePageSize(50);

        size.Shrink(asked: 6).Should().BeTrue();
        size.Current.Should().Be(3);
        size.Shrink(asked: 1).Should().BeFalse("a page of one cannot be made smaller");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Constructor_SizeOutsideGitHubsRange_Throws(int maximum)
    {
        var create = () => new AdaptivePageSize(maximum);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}

using Analytics.Signals.Ownership;

namespace Analytics.Signals.Tests.Ownership;

public sealed class DegreeOfAuthorshipTests
{
    [Theory]
    // 3.293 + 1.098·1 + 0.164·2 − 0.321·ln(1 + 3) = 4.719 − 0.321 × 1.3862944 = 4.719 − 0.4450005 = 4.2739995
    [InlineData(1, 2, 3, 4.2739995)]
    // 3.293 + 0.164·5 = 4.113
    [InlineData(0, 5, 0, 4.113)]
    // 3.293 + 1.098 − 0.321·ln 11 = 4.391 − 0.321 × 2.3978953 = 4.391 − 0.7697244 = 3.6212756
    [InlineData(1, 0, 10, 3.6212756)]
    public void Of_HandComputedInputs_MatchesTheFormula(double fa, double dl, double ac, double expected) =>
        DegreeOfAuthorship.Of(fa, dl, ac).Should().BeApproximately(expected, 1e-6);

    [Fact]
    public void IsAuthor_NormalisedAtOrBelowThreshold_IsFalse()
    {
        // 0.75 exactly is not above the threshold (the tool's rule is normDOA > 0.75).
        DegreeOfAuthorship.IsAuthor(3.75, 5.0, added: true).Should().BeFalse();
        DegreeOfAuthorship.IsAuthor(3.76, 5.0, added: true).Should().BeTrue();
    }

    [Fact]
    public void IsAuthor_BelowAbsoluteThreshold_OnlyForAdders()
    {
        // 3.2 / 3.25 = 0.985 > 0.75, but 3.2 < 3.293: an author only when they added the file.
        DegreeOfAuthorship.IsAuthor(3.2, 3.25, added: false).Should().BeFalse();
        DegreeOfAuthorship.IsAuthor(3.2, 3.25, added: true).Should().BeTrue();
    }
}

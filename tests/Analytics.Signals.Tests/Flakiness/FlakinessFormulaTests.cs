using Analytics.Domain.Testing;
using Analytics.Signals.Flakiness;
using static Analytics.Signals.Tests.Flakiness.FlakyResults;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>Flip rate, entropy and the Wilson interval, against hand computations and the examples signal-science.md §2.1 cites.</summary>
public sealed class FlakinessFormulaTests
{
    [Theory]
    // Flakiness.io's examples: PPPFF has 1 flip in 4 transitions = 0.25; PFPFP has 4 in 4 = 1.0.
    // Entropy of PPPFF, p = 0.4: −0.4·log₂0.4 − 0.6·log₂0.6 = 0.4 × 1.321928 + 0.6 × 0.736966 = 0.970951.
    // Entropy of PFPFP, p = 0.4: the same 0.970951 (entropy ignores order; flip rate does not).
    [InlineData("PPPFF", 1, 0.25, 0.970951)]
    [InlineData("PFPFP", 4, 1.0, 0.970951)]
    // Apple's worked example (adamnpeace/flaky-tests), tc_2 in version 1: 2 of 4 fail, one flip: flipRate 1/3, entropy 1.
    [InlineData("PPFF", 1, 0.333333, 1.0)]
    // Always passing or always failing: no flips, entropy 0.
    [InlineData("PPPP", 0, 0.0, 0.0)]
    [InlineData("FFF", 0, 0.0, 0.0)]
    public void BranchStability_OutcomeSequence_GivesFlipRateAndEntropy(string outcomes, int flips, double flipRate, double entropy)
    {
        var stability = BranchStability.Of("main", outcomes.Select((c, i) => (c == 'F', i)).ToList());

        stability.Flips.Should().Be(flips);
        stability.FlipRate.Should().BeApproximately(flipRate, 1e-6);
        stability.Entropy.Should().BeApproximately(entropy, 1e-6);
    }

    [Fact]
    public void BranchStability_OneExecution_HasNoFlipRate()
    {
        var stability = BranchStability.Of("main", [(true, 0)]);

        stability.FlipRate.Should().BeNull();
        stability.Entropy.Should().Be(0);
    }

    [Fact]
    public async Task AnalyseAsync_BuildPulseSequence_GivesFlipRatePerBranchInTimeOrder()
    {
        // BuildPulse's example on main: Pc1, Fc1, Pc1, Fc2, Pc2 has 4 flips but 3 disruptions (flips on an unchanged
        // commit: Pc1→Fc1, Fc1→Pc1, Fc2→Pc2; Pc1→Fc2 crosses a commit). Flip rate = 4 / (5 − 1) = 1.0; disruption
        // frequency = 3 / 5 = 0.6, BuildPulse's 60%. Entropy, p = 2/5: 0.970951.
        // On feature/z: F, F (no flips, entropy 0), kept apart from main. Stored out of time order on purpose. Seven runs
        // are fewer than the minimum of ten, so there is no verdict, but the figures are computed all the same.
        TestResult[] sequence =
        [
            Result("T", "r5", 1, 0, "c2", TestOutcome.Passed, Monday.AddDays(10).AddHours(5)),
            Result("T", "r1", 1, 0, "c1", TestOutcome.Passed, Monday.AddDays(10).AddHours(1)),
            Result("T", "r3", 1, 0, "c1", TestOutcome.Passed, Monday.AddDays(10).AddHours(3)),
            Result("T", "r2", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(10).AddHours(2)),
            Result("T", "r4", 1, 0, "c2", TestOutcome.Failed, Monday.AddDays(10).AddHours(4)),
            Result("T", "z1", 1, 0, "z1", TestOutcome.Failed, Monday.AddDays(11), branch: "feature/z"),
            Result("T", "z2", 1, 0, "z2", TestOutcome.Error, Monday.AddDays(11).AddHours(1), branch: "feature/z"),
        ];
        await using var fixture = await SignalFixture.CreateAsync([.. sequence]);

        var report = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, Monday.AddDays(14)), default);

        var health = report.Tests.Single();
        health.State.Should().Be(TestState.NotEnoughRuns);
        health.Branches.Select(b => b.Branch).Should().Equal("feature/z", "main");
        var main = health.Branches.Single(b => b.Branch == "main");
        (main.Executions, main.Failures, main.Flips, main.Disruptions).Should().Be((5, 2, 4, 3));
        main.FlipRate.Should().Be(1.0);
        main.DisruptionRate.Should().Be(0.6);
        main.Entropy.Should().BeApproximately(0.970951, 1e-6);
        var feature = health.Branches.Single(b => b.Branch == "feature/z");
        (feature.Flips, feature.FlipRate, feature.Disruptions, feature.Entropy).Should().Be((0, 0.0, 0, 0.0));
        // c1 passed and failed in separate runs; so did c2: two commits with evidence of 4 (c1, c2, z1, z2).
        health.Evidence.Should().Be(new FlakyEvidence(0, 0, 2));
        health.Score.Estimate.Should().Be(0.5);
    }

    [Theory]
    // z² = 3.841459, so 1 + z²/n = 1.384146 and z / (1 + z²/n) = 1.416011.
    // 2 of 10: centre (0.2 + 0.192073) / 1.384146 = 0.283260; half 1.416011 × √(0.016 + 0.009604) = 1.416011 × 0.160011
    // = 0.226578 → [0.056682, 0.509838] (the textbook value is [0.0567, 0.5098]).
    [InlineData(2, 10, 0.056682, 0.509838)]
    // 1 of 10: centre (0.1 + 0.192073) / 1.384146 = 0.211013; half 1.416011 × √(0.009 + 0.009604) = 1.416011 × 0.136396
    // = 0.193137 → [0.017876, 0.404150].
    [InlineData(1, 10, 0.017876, 0.404150)]
    // 0 of 10: the upper bound is z² / (n + z²) = 3.841459 / 13.841459 = 0.277533, near the rule of three's 3/10.
    [InlineData(0, 10, 0.0, 0.277533)]
    // 10 of 10: mirror image of 0 of 10.
    [InlineData(10, 10, 0.722467, 1.0)]
    public void Wilson_CountsOfTen_GivesHandComputedBounds(int successes, int trials, double lower, double upper)
    {
        var interval = ProportionInterval.Wilson(successes, trials, 1.959964);

        interval.Estimate.Should().Be((double)successes / trials);
        interval.Lower.Should().BeApproximately(lower, 2e-6);
        interval.Upper.Should().BeApproximately(upper, 2e-6);
    }

    [Fact]
    public void Wilson_NoTrials_KnowsNothing()
    {
        ProportionInterval.Wilson(0, 0, 1.959964).Should().Be(new ProportionInterval(0, 0, 0, 0, 1));
    }

    [Fact]
    public void Wilson_MoreSuccessesThanTrials_Throws()
    {
        var act = () => ProportionInterval.Wilson(3, 2, 1.959964);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

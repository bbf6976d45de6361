using Analytics.Rules.Alerts;
using Analytics.Signals.Series;

namespace Analytics.Rules.Tests.Alerts;

public sealed class FingerprintTests
{
    [Fact]
    public void Of_SameRuleAndLabels_IsStableAcrossLabelOrder()
    {
        var one = Fingerprint.Of("StalePullRequests", Labels.Of(new Label("team", "pay"), new Label("severity", "warning")));
        var two = Fingerprint.Of("StalePullRequests", Labels.Of(new Label("severity", "warning"), new Label("team", "pay")));

        one.Should().Be(two);
        one.Should().MatchRegex("^[0-9a-f]{16}$");
        // SHA-256 of "StalePullRequests\0severity\0warning\0team\0pay\0", first 8 bytes: pinned so it never changes silently.
        one.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("StalePullRequests\0severity\0warning\0team\0pay\0"u8.ToArray()))[..16]);
    }

    [Fact]
    public void Of_DifferentRuleOrLabels_Differs()
    {
        var labels = Labels.Of(new Label("team", "pay"));
        Fingerprint.Of("A", labels).Should().NotBe(Fingerprint.Of("B", labels));
        Fingerprint.Of("A", labels).Should().NotBe(Fingerprint.Of("A", Labels.Of(new Label("team", "pa"))));
        // Separators keep "a=bc" and "ab=c" apart.
        Fingerprint.Of("A", Labels.Of(new Label("a", "bc"))).Should().NotBe(Fingerprint.Of("A", Labels.Of(new Label("ab", "c"))));
    }
}

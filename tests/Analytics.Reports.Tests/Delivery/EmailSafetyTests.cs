using Analytics.Reports.Delivery;

namespace Analytics.Reports.Tests.Delivery;

public sealed class EmailSafetyTests
{
    private const string SafeBody = "<table role=\"presentation\"><tr><td style=\"padding:4px\"><img src=\"cid:a@x\" alt=\"Chart\" width=\"600\"><a href=\"https://example.com/runbook\">Runbook</a></td></tr></table>";

    [Fact]
    public void Check_TableLayoutWithCidImages_FindsNothing()
    {
        EmailSafety.Check("<html><body>\n" + SafeBody + "\n<!-- <svg> in a comment is not rendered --></body></html>", ["a@x"]).Should().BeEmpty();
    }

    [Theory]
    [InlineData("<svg width=\"10\" height=\"10\"></svg>", "svg")]
    [InlineData("<script>alert(1)</script>", "script")]
    [InlineData("<SCRIPT src=\"x.js\"></SCRIPT>", "script")]
    [InlineData("<td onclick=\"go()\">x</td>", "event-handler")]
    [InlineData("<img src=\"cid:a@x\" alt=\"c\" onerror=\"go()\">", "event-handler")]
    [InlineData("<a href=\"javascript:go()\">x</a>", "script-url")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "embedded-content")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://cdn.example.com/a.css\">", "external-stylesheet")]
    [InlineData("<style>@import url(https://cdn.example.com/a.css);</style>", "external-stylesheet")]
    [InlineData("<img src=\"https://example.com/chart.png\" alt=\"c\">", "image-source")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\" alt=\"c\">", "image-source")]
    [InlineData("<img alt=\"c\">", "image-source")]
    [InlineData("<img src=\"cid:missing@x\" alt=\"c\">", "missing-image")]
    [InlineData("<img src=\"cid:a@x\">", "image-alt")]
    [InlineData("<img src=\"cid:a@x\" alt=\" \">", "image-alt")]
    public void Check_EachViolation_IsReportedWithItsRuleAndPosition(string offending, string rule)
    {
        var html = "<html><body>\n" + SafeBody + "\n  " + offending + "\n</body></html>";

        var violations = EmailSafety.Check(html, ["a@x"]);

        // The offending tag starts on line 3 (after the <body> line and the safe table), column 3 (after two spaces).
        violations.Should().ContainSingle().Which.Should().Match<EmailSafetyViolation>(v => v.Rule == rule && v.Line == 3 && v.Column == 3);
        violations[0].ToString().Should().StartWith($"3:3: {rule}: ");
    }

    [Fact]
    public void EnsureSafe_UnsafeMessage_ThrowsListingEveryProblem()
    {
        var message = new EmailMessage("Subject", "<svg></svg>\n<img src=\"cid:nope\" alt=\"x\">", "text", default, default);

        var act = () => EmailSafety.EnsureSafe(message);

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("1:1: svg").And.Contain("2:1: missing-image");
    }
}

using Analytics.Rules.Language;
using Analytics.Signals.Series;

namespace Analytics.Rules.Tests.Language;

public sealed class TemplateTests
{
    private static readonly Labels Labels = Labels.Of(new Label("team", "payments"), new Label("person", "ana"));

    [Theory]
    [InlineData("{{ $labels.team }} has {{ $value }} stale PRs", 5, "payments has 5 stale PRs")]
    [InlineData("{{$labels.person}}: {{ $value | percent }}", 0.328, "ana: 32.8%")]
    [InlineData("{{ $value | humanize }}", 1234567, "1.23E+06")]
    [InlineData("took {{ $value | duration }}", 97200, "took 1d 3h")]
    [InlineData("took {{ $value | duration }}", 125, "took 2m 5s")]
    [InlineData("{{ $labels.missing }}|", 1, "|")]
    [InlineData("plain", 1, "plain")]
    public void Render_Placeholders_AreReplaced(string source, double value, string expected)
    {
        var (template, error) = Template.Parse(source);

        error.Should().BeNull();
        template!.Render(Labels, value).Should().Be(expected);
    }

    [Theory]
    [InlineData("{{ $labels.team ", 0, "not closed")]
    [InlineData("x {{ $lables.team }}", 2, "unknown placeholder '$lables.team'")]
    [InlineData("{{ $value | percnt }}", 0, "did you mean 'percent'?")]
    public void Parse_Malformed_ReportsOffset(string source, int offset, string message)
    {
        var (template, error) = Template.Parse(source);

        template.Should().BeNull();
        error!.Offset.Should().Be(offset);
        error.Message.Should().Contain(message);
    }
}

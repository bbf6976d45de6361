using Analytics.Reports.Quarterly;
using Analytics.Testing.Files;

namespace Analytics.Reports.Tests.Quarterly;

public sealed class MaturityFileParserTests
{
    private const string Valid = """
        capabilities:
          - id: testing
            name: Testing
            description: Fast, trustworthy builds.
            levels: { initial: a, managed: b, defined: c, optimising: d }
            checks:
              - name: CI failure rate
                signal: ci.failure_rate
                labels: { branch: "!other" }
                aggregate: quarter
                compare: "<="
                thresholds: { managed: 30%, defined: 0.15, optimising: 5% }
                rationale: r
                source: s
              - name: CI duration
                signal: ci.run_duration
                labels: { quantile: "0.9" }
                aggregate: weekly_median
                across: worst
                compare: "<="
                thresholds: { managed: 30m, defined: 900 }
                rationale: r
                source: s
        """;

    private static IReadOnlyList<string> Errors(string text) =>
        MaturityFileParser.Parse("maturity.yaml", text).Diagnostics.Select(d => d.ToString()).ToList();

    [Fact]
    public void Parse_ValidFile_ModelWithUnitsConverted()
    {
        var result = MaturityFileParser.Parse("maturity.yaml", Valid);

        result.Diagnostics.Should().BeEmpty();
        var capability = result.Model!.Capabilities.Single();
        capability.Describe(MaturityLevel.Defined).Should().Be("c");
        var failure = capability.Checks[0];
        failure.Labels.Single().Should().Be(new LabelMatcher("branch", "other", Negated: true));
        failure.ThresholdFor(MaturityLevel.Managed).Should().Be(0.30);   // "30%"
        failure.ThresholdFor(MaturityLevel.Defined).Should().Be(0.15);   // 0.15 as written
        var duration = capability.Checks[1];
        duration.Aggregation.Should().Be(CheckAggregation.WeeklyMedian);
        duration.ThresholdFor(MaturityLevel.Managed).Should().Be(1800); // 30m in seconds
        duration.ThresholdFor(MaturityLevel.Defined).Should().Be(900);   // plain seconds
        duration.ThresholdFor(MaturityLevel.Optimising).Should().BeNull();
    }

    [Fact]
    public void Parse_UnknownSignal_LineColumnAndSuggestion()
    {
        var text = Valid.Replace("signal: ci.failure_rate", "signal: ci.failure_rat", StringComparison.Ordinal);

        // "signal:" is on line 8; its value starts at column 17.
        Errors(text).Should().Equal("maturity.yaml:8:17: unknown signal 'ci.failure_rat'; did you mean 'ci.failure_rate'?");
    }

    [Fact]
    public void Parse_UnknownKeyAndUnknownLabel_EachAtItsPosition()
    {
        var text = Valid
            .Replace("aggregate: quarter", "agregate: quarter", StringComparison.Ordinal)
            .Replace("{ quantile: \"0.9\" }", "{ quantil: \"0.9\" }", StringComparison.Ordinal);

        Errors(text).Should().Equal(
            "maturity.yaml:10:9: unknown key 'agregate' in a check; did you mean 'aggregate'? (keys: name, signal, labels, aggregate, across, compare, thresholds, dora, rationale, source)",
            "maturity.yaml:17:19: signal 'ci.run_duration' has no label 'quantil'; did you mean 'quantile'? (labels: quantile, repository, team, workflow)");
    }

    [Fact]
    public void Parse_LooserThresholdAtHigherLevel_Error()
    {
        var text = Valid.Replace("defined: 0.15", "defined: 0.35", StringComparison.Ordinal);

        Errors(text).Should().ContainSingle().Which.Should().StartWith("maturity.yaml:12:46: threshold for 'defined' (0.35) is looser than for 'managed' (30%)");
    }

    [Fact]
    public void Parse_BadThresholdAndBadChoice_ErrorsSayWhatIsExpected()
    {
        var text = Valid
            .Replace("managed: 30m", "managed: half an hour", StringComparison.Ordinal)
            .Replace("across: worst", "across: wors", StringComparison.Ordinal);

        Errors(text).Should().Equal(
            "maturity.yaml:19:17: unknown across 'wors'; did you mean 'worst'? (across: worst, sum, mean)",
            "maturity.yaml:21:32: threshold 'half an hour' is not a duration (such as 30m, 4h, 1d, 2w) or a number of seconds");
    }

    [Fact]
    public void Parse_DoraOnTheWrongSignalWithThresholds_Errors()
    {
        var text = Valid.Replace("compare: \"<=\"\n        thresholds: { managed: 30%, defined: 0.15, optimising: 5% }", "dora: lead_time\n        thresholds: { managed: 30% }", StringComparison.Ordinal);

        Errors(text).Should().Equal(
            "maturity.yaml:11:15: the DORA bands of 'lead_time' apply to signal 'dora.lead_time', not 'ci.failure_rate'",
            "maturity.yaml:12:21: 'dora' sets the thresholds and the comparison; remove 'thresholds'");
    }

    [Fact]
    public void Parse_InvalidYaml_OneErrorAtItsPosition()
    {
        var errors = Errors("capabilities:\n  - id: [unclosed\n");

        errors.Should().ContainSingle().Which.Should().StartWith("maturity.yaml:3:1: invalid YAML:");
    }

    [Fact]
    public void Parse_ErrorsAnywhere_NoModel()
    {
        var result = MaturityFileParser.Parse("maturity.yaml", Valid.Replace("name: Testing", "nam: Testing", StringComparison.Ordinal));

        result.Model.Should().BeNull();
        result.Diagnostics.Select(d => d.ToString()).Should().Contain("maturity.yaml:2:5: a capability needs 'name'");
    }

    [Fact]
    public void Default_BuiltInModel_SixCapabilitiesEveryCheckDocumented()
    {
        var model = MaturityModel.Default;

        model.Capabilities.Select(c => c.Id).Should().Equal("delivery", "testing", "operations", "knowledge", "review", "sustainability");
        model.AllChecks.Should().OnlyContain(c => c.Rationale.Length > 20 && c.Source.Length > 20);
        model.Capabilities.Single(c => c.Id == "delivery").Checks.Should().OnlyContain(c => c.Dora != null);
        model.Capabilities.Should().OnlyContain(c => MaturityLevels.All.All(l => c.Describe(l).Length > 0));
    }

    [Fact]
    public void Default_IsTheRepositorysConfigFile()
    {
        // The defaults are config/maturity.yaml embedded at build time; the documentation describes that file.
        var file = Path.Combine(RepositoryFiles.Root, "config", "maturity.yaml");

        MaturityModel.DefaultsText.Should().Be(File.ReadAllText(file));
    }
}

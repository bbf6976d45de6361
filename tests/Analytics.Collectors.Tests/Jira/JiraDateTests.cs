using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Jira;

namespace Analytics.Collectors.Tests.Jira;

public sealed class JiraDateTests
{
    [Theory]
    [InlineData("2024-01-02T03:04:05.678+0000", 0)]
    [InlineData("2024-01-02T03:04:05.678+0530", 330)]
    [InlineData("2024-01-02T03:04:05.678-0700", -420)]
    public void Parse_OffsetWithoutColon_ExactInstantAndOffsetKept(string text, int offsetMinutes)
    {
        var value = JiraDate.Parse(text, "test");

        value.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.FromMinutes(offsetMinutes)));
        value.Offset.Should().Be(TimeSpan.FromMinutes(offsetMinutes));
    }

    [Fact]
    public void Parse_SystemTextJsonRejectsTheSameText_WhichIsWhyThisExists()
    {
        var act = () => JsonSerializer.Deserialize<DateTimeOffset>("\"2024-01-02T03:04:05.678+0000\"");

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Parse_NotADate_NamesWhere()
    {
        var act = () => JiraDate.Parse("yesterday", "PAY-1: fields.created");

        act.Should().Throw<SourceDataException>().WithMessage("PAY-1: fields.created: 'yesterday'*");
    }
}

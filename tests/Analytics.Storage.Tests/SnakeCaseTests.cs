using Analytics.Domain.Code;
using Analytics.Storage.Schema;
using FluentAssertions;
using Xunit;

namespace Analytics.Storage.Tests;

public sealed class SnakeCaseTests
{
    [Theory]
    [InlineData("changes_requested")]
    [InlineData("CHANGES_REQUESTED")]
    [InlineData("ChangesRequested")]
    [InlineData("changesrequested")]
    [InlineData("changes-requested")]
    [InlineData("changes requested")]
    public void Parse_AnySpellingOfAName_FindsTheValue(string text) =>
        SnakeCase.Parse(typeof(ReviewState), text).Should().Be(ReviewState.ChangesRequested);

    [Theory]
    [InlineData("")]
    [InlineData("changes_requested_twice")]
    [InlineData("_")]
    public void Parse_NoMatchingName_ReturnsNull(string text) =>
        SnakeCase.Parse(typeof(ReviewState), text).Should().BeNull();

    [Fact]
    public void From_PascalCase_GivesSnakeCaseThatParsesBack()
    {
        SnakeCase.From(nameof(ReviewState.ChangesRequested)).Should().Be("changes_requested");
        foreach (var state in Enum.GetValues<ReviewState>())
        {
            SnakeCase.Parse(typeof(ReviewState), SnakeCase.From(state.ToString())).Should().Be(state);
        }
    }
}

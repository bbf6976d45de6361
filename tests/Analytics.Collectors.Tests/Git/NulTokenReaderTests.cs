using System.Text;
using Analytics.Collectors.Git;

namespace Analytics.Collectors.Tests.Git;

public sealed class NulTokenReaderTests
{
    [Fact]
    public async Task ReadAsync_TokenComplete_ReturnsBeforeReadingFurther()
    {
        var reader = new NulTokenReader(new OneShotStream(Encoding.UTF8.GetBytes("first\0sec")));

        var first = await reader.ReadAsync(CancellationToken.None);
        var act = async () => await reader.ReadAsync(CancellationToken.None);

        first.Should().Be("first");
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*does not stream*");
    }

    [Fact]
    public async Task ReadAsync_TokensSplitAcrossReads_JoinsThemAndKeepsUnicode()
    {
        var bytes = Encoding.UTF8.GetBytes("日本\tx\0\0tail");
        var reader = new NulTokenReader(new OneShotStream(bytes[..4], bytes[4..], []));

        var tokens = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None) is { } token)
        {
            tokens.Add(token);
        }

        tokens.Should().Equal("日本\tx", string.Empty, "tail");
    }
}

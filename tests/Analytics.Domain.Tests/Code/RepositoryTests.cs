using Analytics.Domain.Code;

namespace Analytics.Domain.Tests.Code;

public sealed class RepositoryTests
{
    [Fact]
    public void Constructor_OffsetCreatedAt_StoredInUtc()
    {
        // 2024-01-01T20:00-05:00 is 2024-01-02T01:00Z.
        var repository = new Repository(
            "github", "R_1", "acme/shop", "main", null, false, new DateTimeOffset(2024, 1, 1, 20, 0, 0, TimeSpan.FromHours(-5)));

        repository.CreatedAt.Should().Be(new DateTimeOffset(2024, 1, 2, 1, 0, 0, TimeSpan.Zero));
        repository.CreatedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Constructor_BlankDefaultBranch_Throws()
    {
        var act = () => new Repository("github", "R_1", "acme/shop", "", null, false, null);

        act.Should().Throw<ArgumentException>().WithParameterName("DefaultBranch");
    }
}

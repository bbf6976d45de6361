using Analytics.Domain.Delivery;

namespace Analytics.Domain.Tests.Delivery;

public sealed class DeploymentTests
{
    private static readonly DateTimeOffset Created = new(2024, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_FinishedBeforeCreated_Throws()
    {
        var act = () => Deployment(finished: Created.AddSeconds(-1));

        act.Should().Throw<ArgumentException>().WithParameterName("FinishedAt");
    }

    [Fact]
    public void Constructor_BlankEnvironment_Throws()
    {
        var act = () => Deployment(environment: " ");

        act.Should().Throw<ArgumentException>().WithParameterName("Environment");
    }

    [Fact]
    public void Constructor_FinishedWithOffset_StoresUtc()
    {
        // 12:10 at -03:00 is 15:10 UTC.
        var deployment = Deployment(finished: new DateTimeOffset(2024, 7, 1, 12, 10, 0, TimeSpan.FromHours(-3)));

        deployment.FinishedAt.Should().Be(new DateTimeOffset(2024, 7, 1, 15, 10, 0, TimeSpan.Zero));
        deployment.FinishedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    private static Deployment Deployment(DateTimeOffset? finished = null, string environment = "production") =>
        new("github", "D1", "acme/shop", environment, DeploymentStatus.Success, "abc123", "main", Created, finished, null);
}

using Analytics.Domain.Common;
using Analytics.Domain.Incidents;

namespace Analytics.Domain.Tests.Incidents;

public sealed class IncidentTests
{
    private static readonly DateTimeOffset Created = new(2024, 6, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_AcknowledgedBeforeCreated_Throws()
    {
        var act = () => Incident(acknowledged: Created.AddMinutes(-3), resolved: null);

        act.Should().Throw<ArgumentException>().WithParameterName("AcknowledgedAt");
    }

    [Fact]
    public void Constructor_ResolvedBeforeCreated_Throws()
    {
        var act = () => Incident(acknowledged: null, resolved: Created.AddMinutes(-3));

        act.Should().Throw<ArgumentException>().WithParameterName("ResolvedAt");
    }

    [Fact]
    public void Constructor_BlankService_Throws()
    {
        var act = () => Incident(acknowledged: null, resolved: null, service: "");

        act.Should().Throw<ArgumentException>().WithParameterName("Service");
    }

    private static Incident Incident(DateTimeOffset? acknowledged, DateTimeOffset? resolved, string service = "payments") =>
        new(
            "pagerduty", "P1", "Checkout down", service, "SEV1", IncidentStatus.Resolved, Created, acknowledged, resolved,
            ValueList.Of("PX1"), null, null);
}

using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.PagerDuty;
using Analytics.Collectors.Tests.TestReports;
using Analytics.Domain.Incidents;

namespace Analytics.Collectors.Tests.PagerDuty;

/// <summary>The PagerDuty mapper against PagerDuty's own example payloads (kept outside the repository, in ../shared/samples).</summary>
public sealed class PagerDutySharedSamplesTests
{
    [SharedSamplesTheory]
    [InlineData("pagerduty/incidents-list.json", "pagerduty/incident-log-entries-list.json")]
    public void Map_ResolvedSampleIncident_TimesServiceAndPriority(string incidents, string logEntries)
    {
        var incident = Read(incidents).Items("incidents").First();
        var entries = Read(logEntries).Items("log_entries").ToList();

        var mapped = new PagerDutyIncidentMapper(new PagerDutyOptions()).Map(incident, entries);

        mapped.Should().BeEquivalentTo(new
        {
            SourceId = "PT4KHLK",
            Service = "My Mail Service",
            Severity = "P2",
            Status = IncidentStatus.Resolved,
            CreatedAt = new DateTimeOffset(2015, 10, 6, 21, 30, 42, TimeSpan.Zero),
            AcknowledgedAt = (DateTimeOffset?)null,
            ResolvedAt = (DateTimeOffset?)new DateTimeOffset(2015, 10, 6, 21, 38, 23, TimeSpan.Zero),
        });
        mapped.Responders.Should().BeEmpty("the sample's only log entry is a trigger by a service");
    }

    [SharedSamplesTheory]
    [InlineData("pagerduty/incident.json")]
    public void Map_AcknowledgedSampleWithoutLogEntries_AcknowledgedFromTheIncident(string file)
    {
        var incident = Read(file).Get("incident");

        var mapped = new PagerDutyIncidentMapper(new PagerDutyOptions { ServiceMap = new Dictionary<string, string> { ["My Mail Service"] = "mail" } }).Map(incident, []);

        mapped.Status.Should().Be(IncidentStatus.Acknowledged);
        mapped.AcknowledgedAt.Should().Be(new DateTimeOffset(2015, 11, 10, 0, 32, 52, TimeSpan.Zero));
        mapped.Service.Should().Be("mail");
        mapped.Responders.Should().Equal("PXPGF42");
    }

    private static JsonElement Read(string file) =>
        JsonFields.Parse(File.ReadAllBytes(Path.Combine(SharedSamplesTheoryAttribute.SamplesFolder!, file)));
}

using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Storage;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// One team, "payments", owning acme/payments and running service api (UTC), over the four weeks from
/// <see cref="SignalFixture.Monday"/>, with incidents and CI runs placed at 10:00 of a day: the setting of the tests
/// that watch how a pass's rounds are formed and run.
/// </summary>
internal static class PaymentsTeam
{
    /// <summary>Weekly windows of the four weeks from <see cref="SignalFixture.Monday"/>, for the one team.</summary>
    public static SignalRequest Request(IStore store)
    {
        var team = new Team("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/payments"), ValueList.Of("api"), null);
        return new(store, [team], new PersonDirectory([]), SignalFixture.Monday, SignalFixture.Monday.AddDays(28), Granularity.Week);
    }

    /// <summary>A resolved SEV2 incident of service api, opened at 10:00 of <paramref name="day"/>.</summary>
    public static Incident Incident(string id, DateTimeOffset day) =>
        new("pagerduty", id, $"Incident {id}", "api", "SEV2", IncidentStatus.Resolved, day.AddHours(10), day.AddHours(10).AddMinutes(5), day.AddHours(11),
            ValueList<string>.Empty, null, null);

    /// <summary>A successful five-minute run of workflow ci on main, queued at 10:00 of <paramref name="day"/>.</summary>
    public static WorkflowRun Run(string id, DateTimeOffset day) =>
        new("github", "acme/payments", id, 1, "ci", "push", "main", "abc", RunStatus.Completed, RunConclusion.Success,
            day.AddHours(10), day.AddHours(10).AddSeconds(5), day.AddHours(10).AddSeconds(305), null);
}

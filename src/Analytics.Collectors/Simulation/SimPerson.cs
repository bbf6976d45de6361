namespace Analytics.Collectors.Simulation;

/// <summary>A person (or bot) while the simulation runs.</summary>
internal sealed class SimPerson
{
    /// <summary>The member id (the work e-mail's local part), or the login for a bot.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The GitHub login.</summary>
    public required string Login { get; init; }

    /// <summary>The work e-mail (for a bot, its no-reply e-mail).</summary>
    public required string WorkEmail { get; init; }

    /// <summary>The GitHub no-reply e-mail they mostly commit with, if they do.</summary>
    public string? NoReplyEmail { get; init; }

    /// <summary>Whether it is a bot.</summary>
    public bool IsBot { get; init; }

    /// <summary>The team, null for a bot.</summary>
    public SimTeam? Team { get; init; }

    /// <summary>Their working hours.</summary>
    public required WorkCalendar Calendar { get; init; }

    /// <summary>The Jira account id.</summary>
    public string JiraId { get; init; } = "";

    /// <summary>The PagerDuty user id.</summary>
    public string PagerDutyId { get; init; } = "";

    /// <summary>Pull requests opened per working day, before scaling.</summary>
    public double Rate { get; init; }

    /// <summary>The index of the team repository they mostly work in.</summary>
    public int PreferredRepository { get; init; }

    /// <summary>When they left, if they did.</summary>
    public DateTimeOffset? LeftAt { get; init; }

    /// <summary>First days of their week-long holidays.</summary>
    public List<DateOnly> Vacations { get; } = [];

    /// <summary>Whether they are still with the company at <paramref name="instant"/>.</summary>
    public bool IsActive(DateTimeOffset instant) => LeftAt is not { } left || instant < left;

    /// <summary>Whether they are on holiday on <paramref name="date"/>.</summary>
    public bool IsAway(DateOnly date) => Vacations.Exists(v => date >= v && date < v.AddDays(7));

    /// <summary>The e-mail of their next commit.</summary>
    public string CommitEmail(SimRandom random) =>
        NoReplyEmail is { } noReply && random.Chance(0.75) ? noReply : WorkEmail;
}

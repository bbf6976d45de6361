namespace Analytics.Collectors.Simulation;

/// <summary>A team while the simulation runs.</summary>
internal sealed class SimTeam
{
    /// <summary>Creates a team from its blueprint.</summary>
    public SimTeam(TeamBlueprint blueprint)
    {
        Blueprint = blueprint;
        Calendar = new WorkCalendar(blueprint.TimeZone);
    }

    /// <summary>Its blueprint.</summary>
    public TeamBlueprint Blueprint { get; }

    /// <summary>Its working hours.</summary>
    public WorkCalendar Calendar { get; }

    /// <summary>Its people, the leaver included.</summary>
    public List<SimPerson> People { get; } = [];

    /// <summary>Its repositories.</summary>
    public List<SimRepo> Repositories { get; } = [];

    /// <summary>People still with the company at <paramref name="instant"/>.</summary>
    public List<SimPerson> ActiveAt(DateTimeOffset instant) => People.FindAll(p => p.IsActive(instant));
}

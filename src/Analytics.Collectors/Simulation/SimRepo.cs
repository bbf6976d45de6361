namespace Analytics.Collectors.Simulation;

/// <summary>A repository while the simulation runs: its files as they are now, its tests, its mainline.</summary>
internal sealed class SimRepo
{
    /// <summary>Creates a repository.</summary>
    public SimRepo(RepoBlueprint blueprint, SimTeam team, string fullName)
    {
        Blueprint = blueprint;
        Team = team;
        FullName = fullName;
    }

    /// <summary>Its blueprint.</summary>
    public RepoBlueprint Blueprint { get; }

    /// <summary>The owning team.</summary>
    public SimTeam Team { get; }

    /// <summary>Its full name.</summary>
    public string FullName { get; }

    /// <summary>The service it deploys.</summary>
    public string Service => Blueprint.Name;

    /// <summary>The next pull-request number.</summary>
    public int NextNumber { get; set; }

    /// <summary>Files per component, in creation order.</summary>
    public Dictionary<string, List<string>> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Every path that ever existed, so new files get new names.</summary>
    public HashSet<string> KnownPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>Files outside components (read-me, docs, workflows).</summary>
    public List<string> SharedFiles { get; } = [];

    /// <summary>The dependency manifest and its lock file.</summary>
    public string[] Manifests { get; set; } = [];

    /// <summary>Its tests.</summary>
    public List<SimTest> Tests { get; } = [];

    /// <summary>The latest main commit whose CI passed, for releases.</summary>
    public string? LastGreenMainSha { get; set; }
}

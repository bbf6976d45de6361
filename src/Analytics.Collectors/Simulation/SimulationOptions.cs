namespace Analytics.Collectors.Simulation;

/// <summary>
/// What to simulate. Equality is by value: two equal options make equal organisations.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The seed of every random choice. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// The instant the simulated history ends at (the caller's "now"); nothing happens after it. Required: the simulation
    /// never reads the clock.
    /// </summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>How many days of history end at <see cref="End"/>. Default 365; between 60 and 3,650.</summary>
    public int Days { get; init; } = 365;

    /// <summary>
    /// Multiplies activity: pull requests (and so commits, CI runs, test results and deployments), tickets and incidents.
    /// Team sizes and repositories do not change. Default 1.0, which gives about 3,500 pull requests and 170,000–200,000
    /// test results a year; greater than 0 and at most 20.
    /// </summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>The GitHub organisation that owns every repository. Default <c>acme</c>.</summary>
    public string Owner { get; init; } = "acme";

    /// <summary>The instant the history starts at: <see cref="End"/> minus <see cref="Days"/>, in UTC.</summary>
    public DateTimeOffset Start => End.ToUniversalTime().AddDays(-Days);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its documented range.</exception>
    /// <exception cref="ArgumentException"><see cref="Owner"/> is blank.</exception>
    public void Validate()
    {
        if (Days is < 60 or > 3650)
        {
            throw new ArgumentOutOfRangeException(nameof(Days), Days, "simulation days must be between 60 and 3650");
        }

        if (!(Scale > 0 && Scale <= 20))
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "simulation scale must be greater than 0 and at most 20");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Owner);
    }
}

namespace Analytics.Collectors.Simulation;

/// <summary>A simulated repository as written in <see cref="Blueprint"/>.</summary>
/// <param name="Name">Its name without the owner; also the service it deploys.</param>
/// <param name="Language">Its language.</param>
/// <param name="Components">Its component folders under <c>src/</c>.</param>
/// <param name="Matrix">The test matrix: one test job per entry, each running every test.</param>
/// <param name="TestCount">How many tests it has.</param>
/// <param name="BuildMinutes">The median build-job time.</param>
/// <param name="TestMinutes">The median time of the test suite in one test job.</param>
/// <param name="RetriesInRun">Whether its test runner retries a failed test once inside the run.</param>
/// <param name="Bot">The bot that opens its dependency pull requests.</param>
/// <param name="WeeklyRelease">Whether production gets a weekly release instead of a deployment per merge (mobile apps).</param>
internal sealed record RepoBlueprint(
    string Name,
    Language Language,
    string[] Components,
    string[] Matrix,
    int TestCount,
    double BuildMinutes,
    double TestMinutes,
    bool RetriesInRun,
    string Bot,
    bool WeeklyRelease = false);

using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Storage;

namespace Analytics.Signals;

/// <summary>What to compute a signal over.</summary>
/// <param name="Store">Where the records are.</param>
/// <param name="Teams">The teams; series are per team (and finer where the signal says so).</param>
/// <param name="People">Who is behind each account (bots are left out of people-based signals).</param>
/// <param name="From">The first instant of interest; the window containing it is computed whole.</param>
/// <param name="To">The end of the period (excluded); the window containing it is computed up to its end.</param>
/// <param name="Granularity">The windows' length.</param>
public sealed record SignalRequest(
    IStore Store,
    IReadOnlyList<Team> Teams,
    PersonDirectory People,
    DateTimeOffset From,
    DateTimeOffset To,
    Granularity Granularity)
{
    /// <summary>How duration signals summarise a window (default: the median).</summary>
    public Statistics.Aggregator Aggregator { get; init; } = Statistics.Aggregator.Median;

    /// <summary>
    /// How far before an incident a production deployment of its service may have gone live to be blamed for it, when
    /// the incident names no deployment (default 24 hours; see <see cref="Attribution.IncidentAttribution"/>).
    /// </summary>
    public TimeSpan AttributionWindow { get; init; } = Attribution.IncidentAttribution.DefaultWindow;

    /// <summary>
    /// Which deployment environments count as production (default: <c>production</c> and <c>prod</c>, ignoring case).
    /// </summary>
    public IReadOnlyList<string> ProductionEnvironments { get; init; } = ["production", "prod"];

    /// <summary>What CI runners cost per minute, by runner label (default <see cref="CiCost.RunnerPrices.Default"/>).</summary>
    public CiCost.RunnerPrices RunnerPrices { get; init; } = CiCost.RunnerPrices.Default;

    /// <summary>
    /// Analyses shared by the signals computed over this request and its <c>with</c> copies (they share this object);
    /// not part of equality.
    /// </summary>
    internal SharedAnalyses Shared { get; private init; } = new();

    /// <summary>
    /// A copy over [<paramref name="from"/>, <paramref name="to"/>) with shared analyses of its own: the signal cache
    /// computes several spans in one pass, and each span's loads must not push the others' out of the bounded cache.
    /// </summary>
    internal SignalRequest Over(DateTimeOffset from, DateTimeOffset to) => this with { From = from, To = to, IsPart = true, Shared = new() };

    /// <summary>
    /// A copy over [<paramref name="from"/>, <paramref name="to"/>) for <paramref name="teams"/> only (some of this
    /// request's, in its order), with shared analyses of its own: the signal cache recomputes a team-separable signal
    /// for the teams a batch reached. Reads that depend on every team of the request (<see cref="WholeTeams"/>) still see them.
    /// </summary>
    internal SignalRequest Over(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<Team> teams) =>
        this with { From = from, To = to, Teams = teams, WholeTeams = WholeTeams ?? Teams, IsPart = true, Shared = new() };

    /// <summary>
    /// Whether this request is a part of another (<c>Over</c>), computed by the signal cache to be spliced into the whole:
    /// a signal that keeps series by the whole period returns all of them (<see cref="Incremental.IKeepsSeriesOverPeriod"/>).
    /// </summary>
    internal bool IsPart { get; private init; }

    /// <summary>
    /// The teams of the request this one was cut from by <see cref="Over(DateTimeOffset, DateTimeOffset, IReadOnlyList{Team})"/>;
    /// null when it was not. A choice made for the whole request (who owns a repository or runs a service; OwnedRepositories:
    /// read the described spellings only when every team's repository is described) is made for these, so a part reads
    /// and attributes what the whole does.
    /// </summary>
    internal IReadOnlyList<Team>? WholeTeams { get; private init; }

    /// <summary>
    /// What <paramref name="load"/> gives for this request, loaded once however many signals computed over it (or over
    /// an equal request sharing <see cref="Shared"/>) ask: the way a family's signals share one read of the store.
    /// <paramref name="what"/> names the load and any argument it takes (a value with value equality); the result must
    /// not be changed by those who receive it.
    /// </summary>
    internal Task<T> OncePerRequestAsync<T>(object what, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class =>
        Shared.GetOrComputeAsync(new RequestLoad(what, this), load, cancellationToken);

    /// <summary>
    /// The loads made over this request so far (for tests): what <see cref="OncePerRequestAsync"/> was asked for, or the
    /// key of a load kept in <see cref="Shared"/> directly.
    /// </summary>
    internal IReadOnlyList<object> LoadsMade => [.. Shared.Keys.Select(key => key is RequestLoad load ? load.What : key)];

    /// <summary>Whether <paramref name="environment"/> is production.</summary>
    public bool IsProduction(string environment) =>
        ProductionEnvironments.Contains(environment, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The team that runs a service, or null: the first team listing it, among the whole request's teams when this is a
    /// part of one (null when that team is not in the part, so a part gives a team what the whole request gives it).
    /// </summary>
    public Team? TeamOfService(string service) =>
        InThisPart(RunnerOf(service));

    /// <summary>
    /// The team that owns a repository, or null: the first team listing it, among the whole request's teams when this is
    /// a part of one (null when that team is not in the part).
    /// </summary>
    public Team? OwnerOf(string repository) =>
        InThisPart(FirstOwnerOf(repository));

    /// <summary>
    /// The team a deployment (or a deployment blamed for an incident) counts for: the owner of its repository, else the
    /// team running <paramref name="service"/>; decided among the whole request's teams when this is a part of one, so
    /// a repository owned outside the part does not fall through to the service's team.
    /// </summary>
    public Team? TeamOfDeployment(string repository, string? service) =>
        InThisPart(FirstOwnerOf(repository) ?? (service is null ? null : RunnerOf(service)));

    // Among the whole request's teams, then kept only when in this part.
    private Team? FirstOwnerOf(string repository) =>
        (WholeTeams ?? Teams).FirstOrDefault(t => t.Repositories.Contains(repository, StringComparer.OrdinalIgnoreCase));

    private Team? RunnerOf(string service) =>
        (WholeTeams ?? Teams).FirstOrDefault(t => t.Services.Contains(service, StringComparer.OrdinalIgnoreCase));

    private Team? InThisPart(Team? team) => team is null || WholeTeams is null || Teams.Contains(team) ? team : null;

    /// <summary>A load of <see cref="OncePerRequestAsync"/>: equal requests and equal arguments give equal results.</summary>
    private sealed record RequestLoad(object What, SignalRequest Request);
}

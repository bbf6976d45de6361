using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Ownership;

/// <summary>
/// <c>ownership.truck_factor</c>: Avelino et al.'s truck factor (ICPC 2016) of each repository a team owns and of its
/// folders, computed from the store's commits and file changes as of the request's end. One point per series, in the
/// last window of the period. Definition: <c>docs/signals/ownership.truck_factor.md</c>.
/// </summary>
public sealed class TruckFactorSignal : ISignal
{
    /// <summary>Folders with fewer counted files than this get no series of their own (the repository always does).</summary>
    public const int MinimumFolderFiles = 5;

    private readonly TruckFactorOptions _options;

    /// <summary>Creates the signal with the default options.</summary>
    public TruckFactorSignal()
        : this(TruckFactorOptions.Default)
    {
    }

    /// <summary>Creates the signal with the given options.</summary>
    public TruckFactorSignal(TruckFactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "ownership.truck_factor";

    /// <inheritdoc />
    public string Description => "Truck factor (Avelino et al. 2016) of each repository and folder at the end of the period.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var series = new List<Series.Series>();
        var maps = new Dictionary<string, AuthorshipMap>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in request.Teams)
        {
            // The latest window that has ended by the period's end, so rules (which read complete windows only) see the
            // truck factor as of now; when the period is shorter than one window, the window holding its last instant.
            var window = TimeWindow.Containing(request.To.AddTicks(-1), request.Granularity, team.TimeZone);
            if (window.End > request.To)
            {
                var previous = TimeWindow.Containing(window.Start.AddTicks(-1), request.Granularity, team.TimeZone);
                if (previous.End > request.From)
                {
                    window = previous;
                }
            }
            foreach (var repository in team.Repositories.Order(StringComparer.Ordinal))
            {
                if (!maps.TryGetValue(repository, out var map))
                {
                    // From the snapshot the last computation left and the commits after it, when it fits.
                    var ledger = await LedgerSnapshots.ReadAsync(request.Store, repository, request.To, _options, cancellationToken);

                    map = ledger.Build(account => request.People.Find("git", account));
                    maps[repository] = map;
                }

                foreach (var result in map.Folders(MinimumFolderFiles))
                {
                    var labels = Labels.Of(new Label("team", team.Id), new Label("repository", repository), new Label("folder", result.Folder));
                    var point = new SeriesPoint(window, result.Files == 0 ? null : result.TruckFactor, result.Files);
                    series.Add(new Series.Series(Name, labels, Unit, ValueList.Of(point)));
                }
            }
        }

        return series;
    }
}

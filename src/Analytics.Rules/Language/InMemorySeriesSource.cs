using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>Series given directly (rule tests, benchmarks); a signal with no series given has none.</summary>
/// <param name="series">The series, of any signals, all at one granularity.</param>
public sealed class InMemorySeriesSource(IEnumerable<Series> series) : ISeriesSource
{
    private readonly ILookup<string, Series> _bySignal = series.ToLookup(s => s.Signal, StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<Series>> ReadAsync(string signal, Granularity granularity, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Series>>(_bySignal[signal].Where(s => s.Points.Count == 0 || s.Points[0].Window.Granularity == granularity).ToList());
}

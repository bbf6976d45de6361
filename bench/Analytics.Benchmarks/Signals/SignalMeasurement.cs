using Analytics.Benchmarks.Import;
using Analytics.Storage;

namespace Analytics.Benchmarks.Signals;

/// <summary>One row of the signals benchmark: what was measured, and the measurement or why there is none.</summary>
/// <param name="Store">The store.</param>
/// <param name="Kind">signal, sql, batch or all.</param>
/// <param name="Name">The signal or SQL aggregate (empty for batch and all).</param>
/// <param name="Scope">What it was computed over.</param>
/// <param name="Result">The measurement; null when it failed or timed out.</param>
/// <param name="Error">Why there is no measurement.</param>
internal sealed record SignalMeasurement(StoreKind Store, string Kind, string Name, SignalScope Scope, Measurement? Result, string? Error);

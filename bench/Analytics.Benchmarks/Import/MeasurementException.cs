namespace Analytics.Benchmarks.Import;

/// <summary>A measurement failed or gave a wrong result; the message names the store, the path and what went wrong.</summary>
internal sealed class MeasurementException(string message) : Exception(message);

using Analytics.Signals.Ci;
using Analytics.Signals.Delivery;

namespace Analytics.Signals;

/// <summary>Every signal the product computes; adding a signal is one line here.</summary>
public static class SignalCatalog
{
    /// <summary>All signals, by name.</summary>
    public static IReadOnlyList<ISignal> All { get; } =
    [
        new MergedPullRequests(),
        new PullRequestCycleTime(),
        new CiRunDuration(),
        new CiQueueDuration(),
        new CiFailureRate(),
        new CiRerunRate(),
        new CiChangePoints(),
    ];

    /// <summary>Finds a signal by name; null when unknown.</summary>
    public static ISignal? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}

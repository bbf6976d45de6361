namespace Analytics.Signals.ChangePoints;

/// <summary>
/// How <see cref="ChangePointDetector.DetectWithPermutations"/> runs the original E-Divisive (Matteson and James 2014,
/// as MongoDB's <c>signal-processing-algorithms</c> implements it). Defaults are MongoDB's <c>e_divisive</c> ones
/// (p 0.05, 100 permutations) and a fixed seed, so results repeat. Equality is by value.
/// </summary>
public sealed record PermutationOptions
{
    /// <summary>MongoDB's defaults with seed 1234.</summary>
    public static PermutationOptions Default { get; } = new();

    /// <summary>A change point is kept when its permutation p-value is at most this. Default 0.05; between 0 and 1.</summary>
    public double MaxPValue { get; init; } = 0.05;

    /// <summary>How many permutations test each candidate. Default 100; at least 1. The smallest p-value is 1/(this + 1) away from 0 only when a permutation ties.</summary>
    public int Permutations { get; init; } = 100;

    /// <summary>The seed of the permutations (<see cref="Random"/>'s seeded generator, stable across .NET versions). Default 1234.</summary>
    public int Seed { get; init; } = 1234;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its documented range.</exception>
    public void Validate()
    {
        if (!(MaxPValue is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPValue), MaxPValue, "the p-value threshold must be between 0 and 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Permutations, 1, nameof(Permutations));
    }
}

namespace Analytics.Reports.Quarterly;

/// <summary>Names of <see cref="MaturityLevel"/> values as written in the maturity file and in reports.</summary>
public static class MaturityLevels
{
    /// <summary>The levels that have checks (all but <see cref="MaturityLevel.Initial"/>), lowest first.</summary>
    public static IReadOnlyList<MaturityLevel> Checked { get; } = [MaturityLevel.Managed, MaturityLevel.Defined, MaturityLevel.Optimising];

    /// <summary>Every level, lowest first.</summary>
    public static IReadOnlyList<MaturityLevel> All { get; } = [MaturityLevel.Initial, .. Checked];

    /// <summary>The key used in the maturity file: <c>initial</c>, <c>managed</c>, <c>defined</c> or <c>optimising</c>.</summary>
    public static string Key(MaturityLevel level) => level switch
    {
        MaturityLevel.Initial => "initial",
        MaturityLevel.Managed => "managed",
        MaturityLevel.Defined => "defined",
        MaturityLevel.Optimising => "optimising",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a maturity level"),
    };

    /// <summary>The name shown in reports: "Initial", "Managed", "Defined" or "Optimising".</summary>
    public static string Name(MaturityLevel level) => level switch
    {
        MaturityLevel.Initial => "Initial",
        MaturityLevel.Managed => "Managed",
        MaturityLevel.Defined => "Defined",
        MaturityLevel.Optimising => "Optimising",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a maturity level"),
    };

    /// <summary>"3 · Defined".</summary>
    public static string Label(MaturityLevel level) => $"{(int)level} · {Name(level)}";

    /// <summary>The level whose <see cref="Key"/> is <paramref name="key"/>; null when none is.</summary>
    public static MaturityLevel? FromKey(string key) => All.Cast<MaturityLevel?>().FirstOrDefault(l => Key(l!.Value) == key);
}

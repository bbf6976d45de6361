namespace Analytics.Signals.Ownership;

/// <summary>
/// A folder that depends on one person: its truck factor is 1, it holds at least
/// <see cref="TruckFactorOptions.SiloMinimumFiles"/> files, and a person changed it within
/// <see cref="TruckFactorOptions.ActiveWithin"/> of the as-of instant.
/// </summary>
/// <param name="Folder">The folder, or the empty string for the whole repository.</param>
/// <param name="Files">How many counted files it holds.</param>
/// <param name="Owner">The one person whose leaving orphans more than half its files.</param>
/// <param name="OwnerShare">The share of its files <paramref name="Owner"/> authors.</param>
/// <param name="SoleShare">The share of its files <paramref name="Owner"/> is the only author of.</param>
/// <param name="LastChange">When a person last changed one of its files.</param>
public sealed record KnowledgeSilo(
    string Folder,
    int Files,
    Contributor Owner,
    double OwnerShare,
    double SoleShare,
    DateTimeOffset LastChange);

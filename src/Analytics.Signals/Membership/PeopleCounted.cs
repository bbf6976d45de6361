using Analytics.Signals.Series;

namespace Analytics.Signals.Membership;

/// <summary>
/// Who a team's load spread counts in a window (<c>review.load_gini</c>, <c>oncall.load_gini</c>): the team's members,
/// zeros included, and whoever else has a count in that window. Someone outside the team active in other windows only is
/// not a zero here, so a window's value depends on that window alone (the signal cache recomputes only the windows a
/// batch reaches).
/// </summary>
internal static class PeopleCounted
{
    /// <summary>The counts in window <paramref name="window"/> of the people counted there.</summary>
    /// <param name="perPerson">Each person's values, by person key.</param>
    /// <param name="members">The person keys of the team's members.</param>
    /// <param name="window">The window's index.</param>
    public static IEnumerable<double> CountsIn(IEnumerable<KeyValuePair<string, WindowedValues>> perPerson, IReadOnlySet<string> members, int window) =>
        perPerson.Where(p => members.Contains(p.Key) || p.Value.CountIn(window) > 0).Select(p => (double)p.Value.CountIn(window));
}

namespace Analytics.Rules.Testing;

/// <summary>The result of one test case of a rule test file.</summary>
/// <param name="File">The test file.</param>
/// <param name="Name">The test's name.</param>
/// <param name="Failures">What did not match (empty when it passed), each naming the eval time and the alert.</param>
public sealed record RuleTestResult(string File, string Name, IReadOnlyList<string> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}

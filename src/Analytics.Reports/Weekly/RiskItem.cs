namespace Analytics.Reports.Weekly;

/// <summary>A risk the weekly report points out, with its evidence.</summary>
/// <param name="Kind">What kind of risk: "Flaky test", "Broken test", "CI slowdown", "Knowledge silo".</param>
/// <param name="Title">What it is about (a test, a workflow, a folder).</param>
/// <param name="Evidence">The numbers behind it, in one sentence.</param>
public sealed record RiskItem(string Kind, string Title, string Evidence);

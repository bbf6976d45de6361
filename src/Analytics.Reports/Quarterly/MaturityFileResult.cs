using Analytics.Rules.Files;

namespace Analytics.Reports.Quarterly;

/// <summary>What reading a maturity file gave: the model when it had no errors, and every problem found.</summary>
/// <param name="Model">The model; null when the file has errors.</param>
/// <param name="Diagnostics">Problems at file:line:column, in file order.</param>
public sealed record MaturityFileResult(MaturityModel? Model, IReadOnlyList<RuleDiagnostic> Diagnostics);

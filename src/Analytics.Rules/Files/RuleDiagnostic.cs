namespace Analytics.Rules.Files;

/// <summary>A problem in a rule file, at a line and column (both 1-based).</summary>
/// <param name="File">The file, as given to the loader.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and, when clear, what to write instead.</param>
public sealed record RuleDiagnostic(string File, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    /// <summary><c>file:line:column: message</c>, with <c>warning: </c> before warnings' messages.</summary>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(Severity == DiagnosticSeverity.Warning ? "warning: " : "")}{Message}";
}

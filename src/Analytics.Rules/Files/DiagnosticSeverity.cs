namespace Analytics.Rules.Files;

/// <summary>How bad a finding of <c>rules check</c> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>It loads, but deserves a look.</summary>
    Warning,

    /// <summary>The rule (or file) is left out until it is fixed; the others still run.</summary>
    Error,
}

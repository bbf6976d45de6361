using System.Reflection;
using Analytics.Domain.Common;
using Analytics.Rules.Files;

namespace Analytics.Reports.Quarterly;

/// <summary>The capabilities of the quarterly review and their checks, from a maturity file. Equality is by value.</summary>
/// <param name="Capabilities">The capabilities, in report order.</param>
public sealed record MaturityModel(ValueList<Capability> Capabilities)
{
    /// <summary>The name the built-in defaults go by in diagnostics; the same text ships as <c>config/maturity.yaml</c>.</summary>
    public const string DefaultsName = "config/maturity.yaml (built in)";

    /// <summary>The text of the built-in default model (the repository's <c>config/maturity.yaml</c>, embedded).</summary>
    public static string DefaultsText { get; } = ReadDefaults();

    /// <summary>The built-in default model.</summary>
    /// <exception cref="InvalidOperationException">The embedded defaults do not load (a build defect; a test guards it).</exception>
    public static MaturityModel Default { get; } = LoadDefaults();

    /// <summary>Every distinct check of the model.</summary>
    public IEnumerable<MaturityCheck> AllChecks => Capabilities.SelectMany(c => c.Checks).Distinct();

    private static string ReadDefaults()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Analytics.Reports.Quarterly.maturity.yaml")
            ?? throw new InvalidOperationException("the built-in maturity model is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static MaturityModel LoadDefaults()
    {
        var result = MaturityFileParser.Parse(DefaultsName, DefaultsText);
        return result.Model ?? throw new InvalidOperationException(
            "the built-in maturity model is invalid: " + string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
    }
}

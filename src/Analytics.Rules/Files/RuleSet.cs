using Analytics.Rules.Language;

namespace Analytics.Rules.Files;

/// <summary>
/// The rules loaded from a file or a folder: every group and rule that loaded, and every problem found. A broken file
/// or rule is reported and left out; everything else still loads.
/// </summary>
/// <param name="Groups">The groups, in file order.</param>
/// <param name="Diagnostics">Errors and warnings, in file and line order.</param>
/// <param name="Files">The rule files read.</param>
public sealed record RuleSet(IReadOnlyList<RuleGroup> Groups, IReadOnlyList<RuleDiagnostic> Diagnostics, IReadOnlyList<string> Files)
{
    /// <summary>Every loaded rule.</summary>
    public IEnumerable<AlertRule> Rules => Groups.SelectMany(g => g.Rules);

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Loads a rule file, or every <c>*.yaml</c>/<c>*.yml</c> file under a folder (rule tests, <c>*.test.yaml</c>, are
    /// skipped). Group names must be unique across files.
    /// </summary>
    /// <param name="path">A file or a folder.</param>
    /// <param name="signals">The signals rules may read (usually <see cref="SignalLabels.Catalog"/>).</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static RuleSet Load(string path, SignalLabels signals)
    {
        ArgumentNullException.ThrowIfNull(path);
        var files = RuleFiles(path);
        var groups = new List<RuleGroup>();
        var diagnostics = new List<RuleDiagnostic>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var loaded = RuleFileParser.Parse(file, text, signals);
            diagnostics.AddRange(loaded.Diagnostics);
            foreach (var group in loaded.Groups)
            {
                if (groups.FirstOrDefault(g => g.Name == group.Name) is { } twin)
                {
                    diagnostics.Add(new RuleDiagnostic(file, 1, 1, DiagnosticSeverity.Error, $"group '{group.Name}' is also defined in {twin.File}; group names must be unique"));
                    continue;
                }

                // Fingerprints are made of the alert name and labels, so one name must mean one rule.
                var clashes = group.Rules.Where(r => groups.SelectMany(g => g.Rules).Any(o => o.Name == r.Name)).ToList();
                foreach (var clash in clashes)
                {
                    diagnostics.Add(new RuleDiagnostic(file, clash.Line, 1, DiagnosticSeverity.Error, $"alert '{clash.Name}' is also defined in another group; alert names must be unique"));
                }

                groups.Add(clashes.Count == 0 ? group : group with { Rules = group.Rules.Except(clashes).ToList() });
            }
        }

        return new RuleSet(groups, diagnostics, files);
    }

    /// <summary>The rule files at <paramref name="path"/>, sorted; test files left out.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IReadOnlyList<string> RuleFiles(string path) => FilesAt(path, test: false);

    /// <summary>The rule test files (<c>*.test.yaml</c>, <c>*.test.yml</c>) at <paramref name="path"/>, sorted.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IReadOnlyList<string> TestFiles(string path) => FilesAt(path, test: true);

    private static List<string> FilesAt(string path, bool test)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no rule file or folder at {path}", path);
        }

        return Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => IsTestFile(f) == test)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsTestFile(string file) =>
        file.EndsWith(".test.yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".test.yml", StringComparison.OrdinalIgnoreCase);
}

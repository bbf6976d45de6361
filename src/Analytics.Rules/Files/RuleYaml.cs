using Analytics.Domain.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analytics.Rules.Files;

/// <summary>
/// A YAML file read with positions, and the checks rule files and rule tests share: unknown keys (with a suggestion),
/// scalars, lists, durations, and expression offsets turned back into file lines and columns.
/// </summary>
internal sealed class RuleYaml
{
    private readonly string[] _lines;

    private RuleYaml(string file, string text, YamlNode? root)
    {
        File = file;
        Root = root;
        _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    /// <summary>The file's name, as given.</summary>
    public string File { get; }

    /// <summary>The first document's root; null for an empty file.</summary>
    public YamlNode? Root { get; }

    /// <summary>The problems found so far.</summary>
    public List<RuleDiagnostic> Diagnostics { get; } = [];

    /// <summary>Reads <paramref name="text"/>; a YAML syntax error becomes the only diagnostic.</summary>
    public static RuleYaml Load(string file, string text)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var broken = new RuleYaml(file, text, null);
            broken.Diagnostics.Add(new RuleDiagnostic(file, (int)e.Start.Line, (int)e.Start.Column, DiagnosticSeverity.Error, "invalid YAML: " + (e.InnerException?.Message ?? e.Message)));
            return broken;
        }

        return new RuleYaml(file, text, yaml.Documents.Count == 0 ? null : yaml.Documents[0].RootNode);
    }

    public void Error(YamlNode node, string message) =>
        Diagnostics.Add(new RuleDiagnostic(File, (int)node.Start.Line, (int)node.Start.Column, DiagnosticSeverity.Error, message));

    public void Report(YamlScalarNode node, int offset, DiagnosticSeverity severity, string message)
    {
        var (line, column) = PositionIn(node, offset);
        Diagnostics.Add(new RuleDiagnostic(File, line, column, severity, message));
    }

    /// <summary>Reports keys of <paramref name="mapping"/> not in <paramref name="known"/>.</summary>
    public void CheckKeys(YamlMappingNode mapping, IReadOnlyList<string> known, string where)
    {
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!known.Contains(key.Value ?? ""))
            {
                Error(key, $"unknown key '{key.Value}' in {where}{Suggest.DidYouMean(key.Value ?? "", known)} (keys: {string.Join(", ", known)})");
            }
        }
    }

    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A scalar child's node, or null (reported when it is not a scalar).</summary>
    public YamlScalarNode? ScalarNode(YamlMappingNode mapping, string key)
    {
        var node = Child(mapping, key);
        if (node is null or YamlScalarNode)
        {
            return (YamlScalarNode?)node;
        }

        Error(node, $"'{key}' must be a single value");
        return null;
    }

    public string? Scalar(YamlMappingNode mapping, string key) => ScalarNode(mapping, key)?.Value;

    public string? Required(YamlMappingNode mapping, string key, string where)
    {
        var value = Scalar(mapping, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(mapping, $"{where} needs '{key}'");
            return null;
        }

        return value;
    }

    /// <summary>A duration child (<c>10m</c>, <c>2d</c>, <c>4w</c>), or <paramref name="fallback"/> when absent.</summary>
    public TimeSpan Duration(YamlMappingNode mapping, string key, TimeSpan fallback)
    {
        if (ScalarNode(mapping, key) is not { } node)
        {
            return fallback;
        }

        if (Language.Durations.TryParse(node.Value) is { } duration)
        {
            return duration;
        }

        Error(node, $"'{key}': '{node.Value}' is not a duration; write a whole number and a unit: s, m, h, d or w (such as 10m, 2d, 4w)");
        return fallback;
    }

    /// <summary>A list of strings (a single value counts as a list of one).</summary>
    public List<string> Strings(YamlNode? node, string key)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrEmpty(scalar.Value) ? [] : [scalar.Value];
            case YamlSequenceNode sequence:
                var values = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } value })
                    {
                        values.Add(value);
                    }
                    else
                    {
                        Error(item, $"'{key}' must be a list of values");
                    }
                }

                return values;
            default:
                Error(node, $"'{key}' must be a list of values");
                return [];
        }
    }

    /// <summary>A mapping of strings to strings.</summary>
    public List<(YamlScalarNode Key, YamlScalarNode Value)> StringMap(YamlNode? node, string key)
    {
        var pairs = new List<(YamlScalarNode, YamlScalarNode)>();
        if (node is null)
        {
            return pairs;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{key}' must be a mapping of names to values");
            return pairs;
        }

        foreach (var (name, value) in mapping.Children)
        {
            if (name is YamlScalarNode n && value is YamlScalarNode v)
            {
                pairs.Add((n, v));
            }
            else
            {
                Error(value, $"'{key}': each entry must be a name and a single value");
            }
        }

        return pairs;
    }

    /// <summary>
    /// The file line and column of character <paramref name="offset"/> of a scalar's value. Plain, quoted and block
    /// scalars are mapped line by line (YAML joins a multi-line scalar's lines with one character), so positions inside
    /// multi-line expressions are exact unless the scalar uses escapes or blank lines.
    /// </summary>
    public (int Line, int Column) PositionIn(YamlScalarNode node, int offset)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        var block = node.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        var quoted = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        if (block)
        {
            line++;
        }

        // A block scalar strips its first line's indentation from every line and keeps the rest; other scalars
        // fold continuation lines with their leading spaces removed.
        var blockIndent = block && line - 1 < _lines.Length ? _lines[line - 1].Length - _lines[line - 1].TrimStart().Length : 0;
        var first = true;
        while (line - 1 < _lines.Length)
        {
            var text = _lines[line - 1];
            int start;
            if (first && !block)
            {
                start = column - 1 + (quoted ? 1 : 0);
            }
            else if (block)
            {
                start = Math.Min(blockIndent, text.Length);
            }
            else
            {
                start = text.Length - text.TrimStart().Length;
            }

            var length = Math.Max(0, text.TrimEnd().Length - start);
            if (offset <= length || line == _lines.Length)
            {
                return (line, start + offset + 1);
            }

            offset -= length + 1;
            first = false;
            line++;
        }

        return ((int)node.Start.Line, (int)node.Start.Column);
    }
}

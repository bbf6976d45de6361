using System.Text.Json;
using Analytics.Signals.Series;

namespace Analytics.Rules.Alerts;

/// <summary>Labels and annotations as stored: JSON objects with keys in ordinal order, so equal sets are equal text.</summary>
public static class LabelJson
{
    /// <summary>Writes labels as a JSON object.</summary>
    public static string Write(Labels labels) => Write(labels.Items.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)));

    /// <summary>Writes name–value pairs as a JSON object, sorted by name.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> pairs) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(pairs.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    /// <summary>Reads labels written by <see cref="Write(Labels)"/>.</summary>
    public static Labels ReadLabels(string json) => Labels.Of(Read(json).Select(p => new Label(p.Key, p.Value)).ToArray());

    /// <summary>Reads a JSON object of strings.</summary>
    public static IReadOnlyDictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}

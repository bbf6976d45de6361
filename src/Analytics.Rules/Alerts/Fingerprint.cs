using System.Security.Cryptography;
using System.Text;
using Analytics.Signals.Series;

namespace Analytics.Rules.Alerts;

/// <summary>
/// An alert's identity: the first 16 hex digits of SHA-256 over the rule name and the labels sorted by name, each
/// name and value followed by a 0 byte so no two label sets give the same input. Stable across runs, nodes and versions.
/// </summary>
public static class Fingerprint
{
    /// <summary>The fingerprint of <paramref name="rule"/>'s alert with <paramref name="labels"/>.</summary>
    public static string Of(string rule, Labels labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(rule);
        var text = new StringBuilder(rule).Append('\0');
        foreach (var label in labels.Items.Where(l => l.Name != "alertname"))
        {
            text.Append(label.Name).Append('\0').Append(label.Value).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}

using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Analytics.Host.Configuration;

namespace Analytics.Host.Scheduling;

/// <summary>
/// Removes secrets from text kept in the job history: the values of the environment variables the settings name for
/// credentials (every <c>…Variable</c> key), of variables whose names say they hold a secret, and passwords inside
/// connection strings and URLs.
/// </summary>
internal sealed partial class SecretScrubber
{
    private const string Mask = "***";
    private static readonly string[] SecretWords = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "APIKEY", "API_KEY", "PRIVATE_KEY", "CREDENTIAL"];
    private readonly string[] _secrets;

    /// <summary>Collects the secret values to remove from <paramref name="variables"/>, as named by <paramref name="settings"/>.</summary>
    public SecretScrubber(AnalyticsSettings settings, IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(variables);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in typeof(AnalyticsSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.GetValue(settings)).OfType<object>())
        {
            foreach (var property in section.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.PropertyType == typeof(string) && property.Name.EndsWith("Variable", StringComparison.Ordinal) && property.GetValue(section) is string { Length: > 0 } name)
                {
                    names.Add(name);
                }
            }
        }

        var secrets = new List<string>();
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && entry.Value is string { Length: >= 4 } value
                && (names.Contains(name) || SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase))))
            {
                secrets.Add(value);
            }
        }

        // Longest first, so a secret that contains another is removed whole.
        _secrets = [.. secrets.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    /// <summary>The text with every known secret replaced by <c>***</c>.</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = ConnectionStringPassword().Replace(text, m => $"{m.Groups[1].Value}={Mask}");
        return UrlPassword().Replace(text, m => $"{m.Groups[1].Value}:{Mask}@");
    }

    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=[^;\s]*")]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(\w+://[^:/@\s]+):[^@\s]+@")]
    private static partial Regex UrlPassword();
}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace Analytics.Storage.Schema;

/// <summary>Converts enumeration names to the snake_case used in files and the store, and back, tolerantly.</summary>
public static class SnakeCase
{
    /// <summary>Converts <c>ChangesRequested</c> to <c>changes_requested</c>.</summary>
    public static string From(string pascalCase)
    {
        var builder = new StringBuilder(pascalCase.Length + 4);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Finds the enumeration value named <paramref name="text"/>, ignoring case, underscores, hyphens and spaces, so
    /// <c>changes_requested</c>, <c>CHANGES_REQUESTED</c> and <c>ChangesRequested</c> all match.
    /// </summary>
    /// <returns>The value, or null when no name matches.</returns>
    public static object? Parse(Type enumType, string text)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        ArgumentNullException.ThrowIfNull(text);

        // Every stored row of an enum column goes through here: the names are normalised once per type, not per call.
        var names = NamesByType.GetOrAdd(enumType, static type => Enum.GetNames(type)
            .GroupBy(Normalise, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => Enum.Parse(type, g.First()), StringComparer.OrdinalIgnoreCase));
        return names.TryGetValue(IsPlain(text) ? text : Normalise(text), out var value) ? value : null;
    }

    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, object>> NamesByType = new();

    private static bool IsPlain(string text) => text.AsSpan().IndexOfAny("_- ") < 0;

    private static string Normalise(string text) =>
        text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
}

using System.Globalization;

namespace Analytics.Benchmarks.Cli;

/// <summary>
/// A small reader of <c>--name value</c> options and positional words, enough for a benchmark driver. Every option
/// must be taken before <see cref="RejectRest"/>, which refuses whatever is left, so a typo never passes silently.
/// </summary>
internal sealed class Arguments(IEnumerable<string> args)
{
    private readonly List<string> _rest = [.. args];

    /// <summary>Removes <c>--name value</c> and returns the value; null when absent.</summary>
    /// <exception cref="UsageException">The option has no value.</exception>
    public string? Option(string name)
    {
        var index = _rest.IndexOf(name);
        if (index < 0)
        {
            return null;
        }

        if (index + 1 >= _rest.Count)
        {
            throw new UsageException($"{name} needs a value");
        }

        var value = _rest[index + 1];
        _rest.RemoveRange(index, 2);
        return value;
    }

    /// <summary>Removes <c>--name N</c> and returns N (digits, with optional <c>_</c> or <c>,</c> separators).</summary>
    /// <exception cref="UsageException">The value is not a whole number within [min, max].</exception>
    public int IntOption(string name, int defaultValue, int min, int max)
    {
        var text = Option(name);
        if (text is null)
        {
            return defaultValue;
        }

        var digits = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}, not '{text}'");
    }

    /// <summary>Removes <c>--name</c> and tells whether it was there.</summary>
    public bool Flag(string name) => _rest.Remove(name);

    /// <summary>Removes and returns the first remaining word, which must not be an option.</summary>
    /// <exception cref="UsageException">Nothing is left, or the next word is an option.</exception>
    public string Word(string what)
    {
        if (_rest.Count == 0 || _rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"missing {what}");
        }

        var word = _rest[0];
        _rest.RemoveAt(0);
        return word;
    }

    /// <summary>Everything not taken yet, removed: the arguments handed on to another parser.</summary>
    public string[] TakeRest()
    {
        var rest = _rest.ToArray();
        _rest.Clear();
        return rest;
    }

    /// <summary>Refuses whatever was not taken.</summary>
    /// <exception cref="UsageException">Something is left.</exception>
    public void RejectRest()
    {
        if (_rest.Count > 0)
        {
            throw new UsageException($"unknown argument '{_rest[0]}'; see --help");
        }
    }
}

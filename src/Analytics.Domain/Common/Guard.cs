using System.Runtime.CompilerServices;

namespace Analytics.Domain.Common;

/// <summary>Argument checks that name the offending argument, used where records are built.</summary>
public static class Guard
{
    /// <summary>Returns <paramref name="value"/> when it is neither null nor blank.</summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("must not be empty", name);
        }

        return value;
    }

    /// <summary>Returns <paramref name="value"/> when it is zero or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static T NotNegative<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, IComparable<T>
    {
        if (value.CompareTo(default) < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "must not be negative");
        }

        return value;
    }

    /// <summary>Returns <paramref name="value"/> when it is one or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than one.</exception>
    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be 1 or more");
        }

        return value;
    }

    /// <summary>Returns the instant at offset zero, so every stored instant compares and sorts the same way.</summary>
    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    /// <summary>Returns the instant at offset zero, or null.</summary>
    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    /// <summary>Returns <paramref name="later"/> when it is null or not before <paramref name="earlier"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="later"/> is before <paramref name="earlier"/>.</exception>
    public static DateTimeOffset? NotBefore(
        DateTimeOffset? later,
        DateTimeOffset? earlier,
        [CallerArgumentExpression(nameof(later))] string? name = null,
        [CallerArgumentExpression(nameof(earlier))] string? earlierName = null)
    {
        if (later is { } l && earlier is { } e && l < e)
        {
            throw new ArgumentException($"must not be before {earlierName} ({e:O})", name);
        }

        return later?.ToUniversalTime();
    }
}

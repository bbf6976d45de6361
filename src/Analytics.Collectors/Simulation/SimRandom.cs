using System.Globalization;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// A seeded source of the distributions the simulation needs. Wraps one <see cref="Random"/> created from a seed, so the
/// same seed and the same sequence of calls give the same values on every machine.
/// </summary>
internal sealed class SimRandom
{
    private const string HexDigits = "0123456789abcdef";
    private readonly Random _random;

    /// <summary>Creates a source seeded with <paramref name="seed"/>.</summary>
    public SimRandom(int seed) => _random = new Random(seed);

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => _random.NextDouble();

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    /// <summary>An integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>A uniform value in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * _random.NextDouble());

    /// <summary>A standard normal value (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal value with the given median and log-scale spread.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>A log-normal duration with the given median and log-scale spread, rounded to whole milliseconds.</summary>
    public TimeSpan LogNormal(TimeSpan median, double sigma) =>
        TimeSpan.FromMilliseconds(Math.Round(LogNormal(median.TotalMilliseconds, sigma)));

    /// <summary>A uniform duration in [<paramref name="min"/>, <paramref name="max"/>), in whole milliseconds.</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        TimeSpan.FromMilliseconds(Math.Round(Uniform(min.TotalMilliseconds, max.TotalMilliseconds)));

    /// <summary>A Poisson count with mean <paramref name="lambda"/> (Knuth's method; the means used here are small).</summary>
    public int Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-lambda);
        var count = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }

    /// <summary>One item chosen uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index chosen with probability proportional to its weight.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>Lower-case hexadecimal digits, such as a commit hash (40) or a Jira account id (24).</summary>
    public string Hex(int length)
    {
        return string.Create(length, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = HexDigits[random.Next(16)];
            }
        });
    }

    /// <summary>A 40-digit commit hash.</summary>
    public string Sha() => Hex(40);

    /// <summary>Upper-case letters and digits, such as a PagerDuty id.</summary>
    public string Alphanumeric(int length)
    {
        const string Characters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        return string.Create(length, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Characters[random.Next(Characters.Length)];
            }
        });
    }

    /// <summary>A semantic version such as <c>3.12.1</c>.</summary>
    public string Version() =>
        string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 9)}.{_random.Next(0, 30)}.{_random.Next(0, 12)}");
}

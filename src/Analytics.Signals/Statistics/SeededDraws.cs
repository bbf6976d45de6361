namespace Analytics.Signals.Statistics;

/// <summary>
/// The integers <c>new Random(seed).Next(n)</c> gives, drawn in bulk: the same generator (Knuth's subtractive method as
/// .NET has always seeded it, kept by <see cref="Random"/> for seeded instances so that their sequences never change)
/// with its state in locals, instead of two virtual calls and a non-inlined step per draw. The bootstrap of a mean draws
/// <see cref="Bootstrap.Resamples"/> times as many integers as it has observations (for <c>pr.size</c> over the
/// issue's organisation, 219 million when the quantiles were drawn that way too), and its intervals must stay exactly what they were, so the sequence is that of
/// <see cref="Random(int)"/>; BootstrapEquivalenceTests and SeededDrawsTests hold it to that.
/// </summary>
internal sealed class SeededDraws
{
    private const int Modulus = int.MaxValue;

    /// <summary>The 55 lagged values, at 1..55 (0 unused, as in Knuth's presentation).</summary>
    private readonly int[] _state = new int[56];

    private int _next;
    private int _nextLagged = 21;

    /// <summary>Seeds the generator as <see cref="Random(int)"/> does.</summary>
    public SeededDraws(int seed)
    {
        var state = _state;
        var last = 161_803_398 - (seed == int.MinValue ? int.MaxValue : Math.Abs(seed));
        state[55] = last;
        var previous = 1;
        var at = 0;
        for (var i = 1; i < 55; i++)
        {
            // Positions 21, 42, 8, 29, …: each new value lands 21 places on, modulo 55.
            at = (at + 21) % 55;
            state[at] = previous;
            previous = last - previous;
            if (previous < 0)
            {
                previous += Modulus;
            }

            last = state[at];
        }

        // Four rounds of warming up, each value reduced by the one 31 places on.
        for (var round = 0; round < 4; round++)
        {
            for (var i = 1; i < 56; i++)
            {
                state[i] -= state[1 + ((i + 30) % 55)];
                if (state[i] < 0)
                {
                    state[i] += Modulus;
                }
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="draws"/> with the next integers in [0, <paramref name="maxValue"/>), each what
    /// <see cref="Random.Next(int)"/> would have returned.
    /// </summary>
    public void Fill(Span<int> draws, int maxValue)
    {
        var state = _state;
        var next = _next;
        var lagged = _nextLagged;
        for (var i = 0; i < draws.Length; i++)
        {
            next = next == 55 ? 1 : next + 1;
            lagged = lagged == 55 ? 1 : lagged + 1;
            var value = state[next] - state[lagged];
            if (value == Modulus)
            {
                value--;
            }

            if (value < 0)
            {
                value += Modulus;
            }

            state[next] = value;

            // The sample in [0, 1) first, then scaled: the same two roundings as Random's.
            draws[i] = (int)(value * (1.0 / Modulus) * maxValue);
        }

        _next = next;
        _nextLagged = lagged;
    }
}

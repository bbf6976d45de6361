namespace Analytics.Reports.Charts.Axes;

/// <summary>Exact powers of ten, so tick values such as 0.3 come out as the closest double rather than 0.30000000000000004.</summary>
internal static class Pow10
{
    private static readonly double[] Exact =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>10 to the power <paramref name="exponent"/> (exact for exponents 0 to 22).</summary>
    public static double Of(int exponent) =>
        exponent >= 0 && exponent < Exact.Length ? Exact[exponent] : Math.Pow(10, exponent);

    /// <summary><paramref name="multiple"/> × 10^<paramref name="exponent"/>, dividing for negative exponents so the result is correctly rounded.</summary>
    public static double Scale(double multiple, int exponent) =>
        exponent >= 0 ? multiple * Of(exponent) : multiple / Of(-exponent);
}

using System.Globalization;

namespace Analytics.Testing.Images;

/// <summary>A pixel colour with 8 bits per channel. The default value is transparent black.</summary>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
/// <param name="A">Alpha: 255 is opaque.</param>
public readonly record struct Rgba(byte R, byte G, byte B, byte A)
{
    /// <summary>Opaque white.</summary>
    public static Rgba White => new(255, 255, 255, 255);

    /// <summary>Whether the colour is opaque white.</summary>
    public bool IsWhite => this == White;

    /// <summary>The colour as <c>#RRGGBBAA</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}{A:X2}");
}

using System.Text;

namespace Analytics.Reports.Charts.Svg;

/// <summary>
/// Turns a sequence of points, some missing, into SVG path data: each run of present points is its own sub-path
/// ("M…L…"), so a missing point breaks the line instead of pulling it to zero. Runs of one point are returned apart,
/// to be drawn as dots.
/// </summary>
internal static class LinePath
{
    /// <summary>Builds the path data and the lone points.</summary>
    /// <param name="points">Pixel positions in drawing order; null for a missing point.</param>
    /// <returns>The path data (empty when no run has two points) and the lone points.</returns>
    public static (string Data, IReadOnlyList<(double X, double Y)> Lone) Build(IEnumerable<(double X, double Y)?> points)
    {
        var data = new StringBuilder();
        var lone = new List<(double X, double Y)>();
        var run = new List<(double X, double Y)>();
        foreach (var point in points)
        {
            if (point is { } p)
            {
                run.Add(p);
                continue;
            }

            Flush(run, data, lone);
        }

        Flush(run, data, lone);
        return (data.ToString(), lone);
    }

    private static void Flush(List<(double X, double Y)> run, StringBuilder data, List<(double X, double Y)> lone)
    {
        if (run.Count == 1)
        {
            lone.Add(run[0]);
        }
        else if (run.Count > 1)
        {
            for (var i = 0; i < run.Count; i++)
            {
                if (data.Length > 0)
                {
                    data.Append(' ');
                }

                data.Append(i == 0 ? 'M' : 'L')
                    .Append(SvgDocument.Num(run[i].X))
                    .Append(' ')
                    .Append(SvgDocument.Num(run[i].Y));
            }
        }

        run.Clear();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Analytics.Storage;

namespace Analytics.Benchmarks.Import;

/// <summary>Runs one measurement in a fresh child process: this program again, with <c>--single</c>.</summary>
internal static class MeasurementProcess
{
    /// <summary>Starts the child, passes its stderr through, and returns the result it printed.</summary>
    /// <param name="location">The store to write to (handed over in an environment variable).</param>
    /// <param name="path">The path to measure.</param>
    /// <param name="rows">Rows to generate (upsert path).</param>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="file">The CSV file (import paths).</param>
    /// <param name="serverPid">The local PostgreSQL postmaster's process id, to measure the server's CPU; null when unknown.</param>
    /// <param name="cancellationToken">Kills the child.</param>
    /// <exception cref="MeasurementException">The child failed or printed no result.</exception>
    public static async Task<Measurement> RunAsync(
        StoreLocation location,
        ImportPath path,
        int rows,
        int seed,
        string? file,
        int? serverPid,
        CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "--single", BenchNames.Of(location.Kind), BenchNames.Of(path),
            "--rows", rows.ToString(CultureInfo.InvariantCulture),
            "--seed", seed.ToString(CultureInfo.InvariantCulture),
        ];
        if (file is not null)
        {
            arguments.Add("--file");
            arguments.Add(file);
        }

        return await RunAsync(location, arguments, $"{BenchNames.Display(location.Kind)} {BenchNames.Display(path)}", serverPid, cancellationToken);
    }

    /// <summary>
    /// Runs this program again with <paramref name="arguments"/> (a child command that prints one
    /// <see cref="SingleMeasurement.ResultPrefix"/> line), passes its other output to stderr, and returns its result.
    /// </summary>
    /// <param name="location">The store the child opens (its target handed over in an environment variable).</param>
    /// <param name="arguments">The child's command line.</param>
    /// <param name="what">Names the measurement in errors.</param>
    /// <param name="serverPid">The local PostgreSQL postmaster's process id, to measure the server's CPU; null when unknown.</param>
    /// <param name="cancellationToken">Kills the child.</param>
    /// <exception cref="MeasurementException">The child failed or printed no result.</exception>
    public static async Task<Measurement> RunAsync(
        StoreLocation location,
        IEnumerable<string> arguments,
        string what,
        int? serverPid,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("the program's own path is unknown"),
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            // Started as `dotnet Analytics.Benchmarks.dll`: the host needs the assembly again.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[SingleMeasurement.TargetVariable] = location.Target;
        if (serverPid is { } pid && location.Kind == StoreKind.Postgres)
        {
            start.Environment[SingleMeasurement.ServerPidVariable] = pid.ToString(CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start) ?? throw new MeasurementException($"{what}: the child process did not start");
        Measurement? result = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (SingleMeasurement.Parse(line) is { } measurement)
                {
                    result = measurement;
                }
                else
                {
                    await Console.Error.WriteLineAsync(line);
                }
            }

            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0 || result is null)
        {
            throw new MeasurementException($"{what}: the measuring process exited with {process.ExitCode}{(result is null ? " and no result" : "")} (its errors are above)");
        }

        return result;
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Analytics.Collectors.Git;

/// <summary>
/// Starts git in a clone's folder with a predictable environment: English messages, no prompts, no pager, no
/// inherited <c>GIT_DIR</c>-style variables, and <c>GIT_CEILING_DIRECTORIES</c> set so a folder inside another
/// repository is not mistaken for a clone. Stdin is closed at once; a process still running when its caller gives up
/// (cancellation, early disposal) is killed.
/// </summary>
internal sealed class GitProcess
{
    /// <summary>The most stderr text kept; the rest is drained and dropped.</summary>
    internal const int MaxStandardErrorChars = 64 * 1024;

    private static readonly string[] InheritedVariablesToDrop =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX", "GIT_EXTERNAL_DIFF", "GIT_DIFF_OPTS", "GIT_PAGER",
        "GIT_TRACE", "GIT_TRACE2", "GIT_TRACE2_EVENT", "GIT_TRACE2_PERF",
    ];

    private readonly string _executable;

    /// <summary>Creates a runner for the given git executable.</summary>
    public GitProcess(string executable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        _executable = executable;
    }

    /// <summary>Whether stderr holds a line git uses for errors.</summary>
    public static bool SignalsError(string standardError)
    {
        foreach (var line in standardError.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("error:", StringComparison.Ordinal)
                || trimmed.StartsWith("fatal:", StringComparison.Ordinal)
                || trimmed.StartsWith("BUG:", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Renders arguments for messages.</summary>
    public static string Describe(IReadOnlyList<string> arguments) =>
        string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Length == 0 ? $"\"{a}\"" : a));

    /// <summary>Starts git; the caller owns the process and must drain stdout and stderr.</summary>
    /// <exception cref="GitException">git could not be started.</exception>
    public Process Start(string repositoryPath, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = repositoryPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariablesToDrop)
        {
            info.Environment.Remove(name);
        }

        info.Environment["LC_ALL"] = "C";
        info.Environment["LANGUAGE"] = "C";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        info.Environment["GIT_PAGER"] = "cat";
        var parent = Path.GetDirectoryName(repositoryPath);
        if (!string.IsNullOrEmpty(parent))
        {
            info.Environment["GIT_CEILING_DIRECTORIES"] = parent;
        }

        try
        {
            var process = Process.Start(info)
                ?? throw new GitException(repositoryPath, $"git executable '{_executable}' did not start in '{repositoryPath}'");
            process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception ex)
        {
            throw new GitException(
                repositoryPath,
                $"git executable '{_executable}' could not be started for '{repositoryPath}' (is git installed and on PATH?): {ex.Message}",
                ex);
        }
    }

    /// <summary>Runs a short command to completion and returns its output, whatever its exit code.</summary>
    /// <exception cref="GitException">git could not be started.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; git is killed.</exception>
    public async Task<GitOutput> RunAsync(string repositoryPath, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        using var process = Start(repositoryPath, arguments);
        try
        {
            var error = ReadCappedAsync(process.StandardError, ct);
            var output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return new GitOutput(process.ExitCode, output, await error);
        }
        finally
        {
            Stop(process);
        }
    }

    /// <summary>Drains a reader, keeping at most <see cref="MaxStandardErrorChars"/> characters.</summary>
    public static async Task<string> ReadCappedAsync(StreamReader reader, CancellationToken ct)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            var room = MaxStandardErrorChars - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToString();
    }

    /// <summary>Kills the process (and its children) if it is still running.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // It could not be killed because it is already exiting.
        }
    }
}

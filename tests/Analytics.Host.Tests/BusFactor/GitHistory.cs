using System.Diagnostics;

namespace Analytics.Host.Tests.BusFactor;

/// <summary>A real git repository in a folder, written commit by commit with fixed authors and dates.</summary>
internal sealed class GitHistory(string path)
{
    public string Path { get; } = path;

    /// <summary>Writes the files (content: the author and a counter) and commits them as the author at a fixed date.</summary>
    public string Commit(string name, string email, DateTimeOffset at, params string[] files)
    {
        Directory.CreateDirectory(Path);
        if (!Directory.Exists(System.IO.Path.Combine(Path, ".git")))
        {
            Run(name, email, at, "init", "--quiet", "--initial-branch=main");
        }

        foreach (var file in files)
        {
            var full = System.IO.Path.Combine(Path, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.AppendAllText(full, $"{name} {at:O}\n" + string.Concat(Enumerable.Repeat("line of code\n", 20)));
        }

        Run(name, email, at, "add", "--all");
        Run(name, email, at, "commit", "--quiet", "-m", "change");
        return Run(name, email, at, "rev-parse", "HEAD").Trim();
    }

    public string Run(string name, string email, DateTimeOffset at, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = name;
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = email;
        info.Environment["GIT_AUTHOR_DATE"] = info.Environment["GIT_COMMITTER_DATE"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error.Result}");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Analytics.Collectors.Tests.Git;

/// <summary>
/// A real git repository in a temporary folder, built with the git CLI. Every commit gets the next fixed date (one hour
/// apart from <see cref="FirstDate"/>), so dates and hashes are reproducible. Global and system git config are ignored.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    /// <summary>The date of the first commit; commit n (from 0) is n hours later, at offset +02:00.</summary>
    public static readonly DateTimeOffset FirstDate = new(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(2));

    private readonly string _root;
    private int _commits;

    private TestRepository(string root, string path)
    {
        _root = root;
        Path = path;
    }

    /// <summary>The repository's folder.</summary>
    public string Path { get; }

    /// <summary>The folder that holds the repository (and any sibling folder a test makes).</summary>
    public string Root => _root;

    /// <summary>Creates a folder <paramref name="name"/> in a new temporary folder, and runs <c>git init</c> in it.</summary>
    public static TestRepository Init(string name = "repo", bool init = true)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "analytics-git-" + Guid.NewGuid().ToString("N"));
        var path = System.IO.Path.Combine(root, name);
        Directory.CreateDirectory(path);
        var repository = new TestRepository(root, path);
        if (init)
        {
            repository.Git("init", "--quiet", "--initial-branch=main");
        }

        return repository;
    }

    /// <summary>The date commit <paramref name="index"/> (from 0) gets.</summary>
    public static DateTimeOffset DateOf(int index) => FirstDate.AddHours(index);

    /// <summary>Writes a text file (UTF-8, no BOM), creating its folders.</summary>
    public void Write(string relativePath, string content) =>
        WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(content));

    /// <summary>Writes a file's bytes, creating its folders.</summary>
    public void WriteBytes(string relativePath, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    /// <summary>Stages everything and commits with the next fixed date; returns the new HEAD.</summary>
    public string Commit(string message, string author = "Ada Lovelace", string email = "ada@example.com")
    {
        Git("add", "--all");
        GitAs(author, email, "commit", "--quiet", "--allow-empty", "-m", message);
        return Head();
    }

    /// <summary>The full hash of HEAD.</summary>
    public string Head() => Git("rev-parse", "HEAD").Trim();

    /// <summary>Runs git as the default author with the next fixed date when it commits.</summary>
    public string Git(params string[] arguments) => GitAs("Ada Lovelace", "ada@example.com", arguments);

    /// <summary>Runs git in the repository and returns stdout; throws with stderr when it fails.</summary>
    public string GitAs(string author, string email, params string[] arguments) =>
        RunGit(Path, arguments, author, email, NextDate(arguments), stdin: null);

    /// <summary>Runs <c>git fast-import</c> with the given stream.</summary>
    public void FastImport(string stream) => RunGit(Path, ["fast-import", "--quiet"], "x", "x@x", null, stream);

    /// <summary>Runs git in any folder (a clone, say) with the test environment.</summary>
    public static string RunGit(string workingDirectory, params string[] arguments) =>
        RunGit(workingDirectory, arguments, "Ada Lovelace", "ada@example.com", null, stdin: null);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private string? NextDate(string[] arguments)
    {
        if (!arguments.Contains("commit") && !arguments.Contains("merge"))
        {
            return null;
        }

        return DateOf(_commits++).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static string RunGit(
        string workingDirectory, IEnumerable<string> arguments, string author, string email, string? date, string? stdin)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_AUTHOR_NAME"] = author;
        info.Environment["GIT_AUTHOR_EMAIL"] = email;
        info.Environment["GIT_COMMITTER_NAME"] = "Commit Bot";
        info.Environment["GIT_COMMITTER_EMAIL"] = "bot@example.com";
        if (date is not null)
        {
            info.Environment["GIT_AUTHOR_DATE"] = date;
            info.Environment["GIT_COMMITTER_DATE"] = date;
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }

        return output;
    }
}

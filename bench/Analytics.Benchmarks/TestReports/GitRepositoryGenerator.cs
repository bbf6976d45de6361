using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Analytics.Benchmarks.TestReports;

/// <summary>
/// Builds a git repository of many commits quickly with <c>git fast-import</c>: each commit changes one to three of a
/// few thousand files (small text files, so <c>--numstat</c> has lines to count), by one of fifty authors, an hour apart.
/// </summary>
internal static class GitRepositoryGenerator
{
    /// <summary>Creates the repository at <paramref name="path"/> with <paramref name="commits"/> commits on <c>main</c>.</summary>
    public static async Task CreateAsync(string path, int commits, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        await RunAsync(path, ["init", "-q", "-b", "main"], null, cancellationToken);
        var start = new ProcessStartInfo("git", ["fast-import", "--quiet"])
        {
            WorkingDirectory = path,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var input = process.StandardInput.BaseStream;
        var epoch = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var buffer = new MemoryStream();
        for (var i = 0; i < commits; i++)
        {
            var author = i % 50;
            var when = epoch + (i * 3600L);
            var message = $"Change {i}: adjust module {i % 97}\n";
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nmark :{i + 1}\n");
            text.Append(CultureInfo.InvariantCulture, $"author Dev {author} <dev{author}@acme.example> {when} +0000\n");
            text.Append(CultureInfo.InvariantCulture, $"committer Dev {author} <dev{author}@acme.example> {when} +0000\n");
            text.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}");
            if (i > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"from :{i}\n");
            }

            for (var f = 0; f <= i % 3; f++)
            {
                var file = (i * 31 + f * 977) % 3000;
                var content = $"module {file % 97}\nrevision {i}\nowner dev{author}\n{new string('x', file % 40)}\n";
                text.Append(CultureInfo.InvariantCulture, $"M 100644 inline src/module{file % 97}/File{file}.cs\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            buffer.Write(bytes);
            if (buffer.Length > 1 << 20)
            {
                await input.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
                buffer.SetLength(0);
            }
        }

        await input.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        input.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git fast-import exited with {process.ExitCode}");
        }

        await RunAsync(path, ["reset", "-q", "--hard", "main"], null, cancellationToken);
    }

    /// <summary>Runs git, discarding its output, and returns how long it took.</summary>
    public static async Task<TimeSpan> RunAsync(string path, string[] arguments, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = path,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await process.StandardOutput.BaseStream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        await process.WaitForExitAsync(cancellationToken);
        onBytes?.Invoke(total);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited with {process.ExitCode}");
        }

        return clock.Elapsed;
    }
}

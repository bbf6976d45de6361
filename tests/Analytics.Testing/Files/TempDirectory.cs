using System.Globalization;

namespace Analytics.Testing.Files;

/// <summary>
/// A new, empty directory with a unique name under <see cref="System.IO.Path.GetTempPath"/>, deleted with everything
/// in it on <see cref="Dispose"/>.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    /// <param name="prefix">The start of its name, to tell whose it is when one is left behind.</param>
    public TempDirectory(string prefix = "analytics-test-")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Returns the full path of <paramref name="relativePath"/> inside the directory (nothing is created).</summary>
    /// <exception cref="ArgumentException">The path is blank or leads outside the directory.</exception>
    public string Combine(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));
        if (!full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' leads outside {Path}", nameof(relativePath));
        }

        return full;
    }

    /// <summary>Deletes the directory and its contents; does nothing when it is already gone.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Path;
}

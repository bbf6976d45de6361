namespace Analytics.Testing.Files;

/// <summary>
/// Files of the repository the tests run from, found by walking up from the test assembly's folder to the one holding
/// <c>Analytics.sln</c>: documents kept in sync with code, the default rule pack, the Host's build output, and the
/// <c>../shared/samples</c> folder beside the repository when it exists.
/// </summary>
public static class RepositoryFiles
{
    /// <summary>The repository's root folder, or null when no folder above the test assembly holds <c>Analytics.sln</c>.</summary>
    public static string? FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analytics.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The repository's root folder.</summary>
    /// <exception cref="InvalidOperationException">No folder above the test assembly holds <c>Analytics.sln</c>.</exception>
    public static string Root =>
        FindRoot() ?? throw new InvalidOperationException("cannot find the repository root (Analytics.sln) above " + AppContext.BaseDirectory);

    /// <summary>A folder of <c>../shared/samples</c> beside the repository, or null when it is not there.</summary>
    /// <param name="name">The samples folder's name, such as <c>github-rest</c>; empty for the samples folder itself.</param>
    public static string? SharedSamples(string name = "")
    {
        if (FindRoot() is not { } root)
        {
            return null;
        }

        var folder = Path.GetFullPath(Path.Combine(root, "..", "shared", "samples", name));
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>The Host project's build output (<c>analytics.dll</c>), in the same configuration as the test assembly.</summary>
    /// <exception cref="FileNotFoundException">The Host project has not been built in that configuration.</exception>
    public static string HostAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(Root, "src", "Analytics.Host", "bin", configuration, "net10.0", "analytics.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build src/Analytics.Host first", path);
    }
}

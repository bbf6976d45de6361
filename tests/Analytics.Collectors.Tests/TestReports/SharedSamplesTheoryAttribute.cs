using Analytics.Testing.Files;

namespace Analytics.Collectors.Tests.TestReports;

/// <summary>
/// A theory over the real report files in <c>../shared/samples</c> next to the repository; skipped (with the reason)
/// only when that folder does not exist, as on a clone outside this workspace.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedSamplesTheoryAttribute : TheoryAttribute
{
    public SharedSamplesTheoryAttribute()
    {
        if (SamplesFolder is null)
        {
            Skip = "no ../shared/samples folder next to the repository";
        }
    }

    /// <summary>The samples folder, or null when absent.</summary>
    public static string? SamplesFolder => RepositoryFiles.SharedSamples();
}

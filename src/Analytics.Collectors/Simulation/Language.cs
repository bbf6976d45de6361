namespace Analytics.Collectors.Simulation;

/// <summary>The language of a simulated repository: it shapes file names, test names and dependency manifests.</summary>
internal enum Language
{
    /// <summary>C# with xUnit.</summary>
    CSharp,

    /// <summary>Go with <c>go test</c>.</summary>
    Go,

    /// <summary>Kotlin with JUnit.</summary>
    Kotlin,

    /// <summary>TypeScript with Jest.</summary>
    TypeScript,

    /// <summary>Python with pytest.</summary>
    Python,
}

namespace Analytics.Signals.Ownership;

/// <summary>
/// How files, people and time are counted for the truck factor. The defaults reproduce Avelino et al. (ICPC 2016) as
/// closely as a history without GitHub Linguist allows; see <c>docs/signals/ownership.truck_factor.md</c>.
/// </summary>
public sealed record TruckFactorOptions
{
    /// <summary>
    /// Paths left out by default, standing in for the paper's GitHub Linguist filter (which keeps only files Linguist
    /// counts as code: no vendored or generated code, no documentation, no data or prose formats). Patterns follow
    /// <see cref="PathGlob"/>.
    /// </summary>
    public static IReadOnlyList<string> DefaultExclusions { get; } =
    [
        // Vendored and third-party code (Linguist vendor.yml).
        "**/vendor/**", "**/vendors/**", "**/node_modules/**", "**/bower_components/**", "**/third_party/**",
        "**/third-party/**", "**/thirdparty/**", "**/3rdparty/**", "**/Pods/**", "**/Carthage/**",
        "**/packages/*.nupkg", "**/*.min.js", "**/*.min.css",
        // Generated files and lock files (Linguist generated.rb).
        "**/package-lock.json", "**/yarn.lock", "**/pnpm-lock.yaml", "**/Cargo.lock", "**/go.sum", "**/poetry.lock",
        "**/composer.lock", "**/Gemfile.lock", "**/packages.lock.json", "**/*.Designer.cs", "**/*.g.cs",
        "**/*.generated.*", "**/*.pb.go", "**/*_pb2.py",
        // Documentation (Linguist documentation.yml) and prose.
        "docs/**", "doc/**", "Documentation/**", "**/*.md", "**/*.markdown", "**/*.rst", "**/*.adoc",
        "**/LICENSE*", "**/COPYING*", "**/CHANGELOG*", "**/AUTHORS*", "**/CONTRIBUTORS*",
        // Binary assets (not code in any language).
        "**/*.png", "**/*.jpg", "**/*.jpeg", "**/*.gif", "**/*.ico", "**/*.pdf", "**/*.zip", "**/*.jar", "**/*.dll",
        "**/*.exe", "**/*.so", "**/*.woff", "**/*.woff2", "**/*.ttf",
    ];

    /// <summary>The default options: <see cref="DefaultExclusions"/>, name merging on, no decay.</summary>
    public static TruckFactorOptions Default { get; } = new();

    /// <summary>Glob patterns of paths left out of the file set; default <see cref="DefaultExclusions"/>.</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = DefaultExclusions;

    /// <summary>
    /// Whether accounts whose recorded author names are equal (ignoring case) are one person, as the paper's
    /// <c>NewAliasHandler</c> does. Default true. Configured members, shared e-mails and <c>.mailmap</c> merge accounts
    /// either way.
    /// </summary>
    public bool MergeSameName { get; init; } = true;

    /// <summary>
    /// The recency-decay variant, off (null) by default: each change weighs 2^(−age / half-life), age being the time
    /// from its authoring to the as-of instant, in FA, DL and AC. Not in the paper; JetBrains' Bus Factor Explorer
    /// decays knowledge with a 90-day characteristic time (a half-life of about 62 days).
    /// </summary>
    public TimeSpan? DecayHalfLife { get; init; }

    /// <summary>The smallest folder (in counted files) that can be a knowledge silo. Default 5.</summary>
    public int SiloMinimumFiles { get; init; } = 5;

    /// <summary>
    /// How recent a person's change must be for a folder to count as actively changed, and so as a silo worth
    /// reporting. Default 90 days.
    /// </summary>
    public TimeSpan ActiveWithin { get; init; } = TimeSpan.FromDays(90);
}

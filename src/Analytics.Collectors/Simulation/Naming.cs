using System.Text;

namespace Analytics.Collectors.Simulation;

/// <summary>Believable names for files, tests, pull requests, tickets and incidents, shaped by each language's habits.</summary>
internal static class Naming
{
    public static readonly string[] Nouns =
    [
        "Account", "Balance", "Batch", "Event", "Fee", "Limit", "Payout", "Token", "Session", "Route", "Report", "Schedule",
        "Export", "Record", "Queue", "Signature", "Webhook", "User", "Audit", "Currency", "Order", "Cursor", "Partition",
        "Header", "Invoice", "Refund", "Grant", "Snapshot", "Retry", "Profile",
    ];

    public static readonly string[] Suffixes =
    [
        "Service", "Client", "Handler", "Store", "Validator", "Mapper", "Options", "Controller", "Cache", "Policy", "Worker",
        "Parser",
    ];

    public static readonly string[] TestVerbs =
    [
        "Create", "Refund", "Validate", "Parse", "Retry", "Settle", "Serialize", "Authorize", "Expire", "Reconcile",
        "Publish", "Load", "Cancel", "Resolve", "Map",
    ];

    public static readonly string[] TestScenarios =
    [
        "WhenTimeout", "WithEmptyInput", "OnDuplicate", "WhenConcurrent", "WithLargePayload", "WithInvalidSignature",
        "WhenMissingHeader", "AfterRestart", "WithUnicode", "WhenRateLimited",
    ];

    public static readonly string[] TestExpectations =
    [
        "Throws", "ReturnsError", "Succeeds", "IsIdempotent", "RetriesOnce", "LogsWarning", "KeepsOrder",
    ];

    public static readonly string[] ChangeVerbs =
    [
        "Add", "Fix", "Refactor", "Improve", "Remove", "Handle", "Support", "Update", "Extract", "Simplify",
    ];

    public static readonly string[] ChangeThings =
    [
        "retry logic", "error handling", "validation", "logging", "metrics", "timeouts", "pagination", "caching",
        "rate limits", "null checks", "config parsing", "idempotency keys", "feature flag", "tracing", "batch size",
    ];

    public static readonly string[] BugSymptoms =
    [
        "500 on empty payload", "duplicate events after retry", "wrong totals in export", "timeout under load",
        "stale cache after update", "crash on unicode input", "missing audit entries", "off-by-one in pagination",
    ];

    public static readonly string[] IncidentTitles =
    [
        "Elevated 5xx error rate on {0}", "High p99 latency on {0}", "{0} pods crash-looping",
        "Queue backlog growing on {0}", "Error budget burn rate alert for {0}", "Database connection pool exhausted ({0})",
        "Health checks failing for {0}",
    ];

    public static readonly string[] FlakyMessages =
    [
        "System.TimeoutException: The operation has timed out after 5000 ms",
        "Connection refused: localhost:5432",
        "expected status 200 but was 503",
        "AssertionError: element not visible within 2s",
    ];

    /// <summary>Splits <c>PascalCase</c> into lower-case words.</summary>
    public static List<string> Words(string pascal)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary><c>PascalCase</c> to <c>snake_case</c>.</summary>
    public static string Snake(string pascal) => string.Join('_', Words(pascal));

    /// <summary><c>PascalCase</c> to <c>camelCase</c>.</summary>
    public static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    /// <summary><c>kebab-case</c> or a word to <c>PascalCase</c>.</summary>
    public static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>A short branch-name slug of a title.</summary>
    public static string Slug(string title) =>
        string.Join('-', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5));

    /// <summary>The source file of a type in a component.</summary>
    public static string SourcePath(Language language, string component, string type) => language switch
    {
        Language.CSharp => $"src/{component}/{type}.cs",
        Language.Go => $"src/{component}/{Snake(type)}.go",
        Language.Kotlin => $"src/{component}/{type}.kt",
        Language.TypeScript => $"src/{component}/{Camel(type)}.ts",
        _ => $"src/{component}/{Snake(type)}.py",
    };

    /// <summary>The test file of a type in a component.</summary>
    public static string TestPath(Language language, string component, string type) => language switch
    {
        Language.CSharp => $"tests/{component}/{type}Tests.cs",
        Language.Go => $"src/{component}/{Snake(type)}_test.go",
        Language.Kotlin => $"tests/{component}/{type}Test.kt",
        Language.TypeScript => $"src/{component}/__tests__/{Camel(type)}.test.ts",
        _ => $"tests/{component}/test_{Snake(type)}.py",
    };

    /// <summary>The suite, class and name a test report gives a test.</summary>
    public static (string Suite, string? ClassName, string Name) Test(
        Language language, string repository, string component, string type, string verb, string scenario, string expectation)
    {
        var repoPascal = Pascal(repository);
        var words = string.Join(' ', Words(verb + scenario + expectation));
        return language switch
        {
            Language.CSharp => ($"Acme.{repoPascal}.Tests", $"Acme.{repoPascal}.Tests.{Pascal(component)}.{type}Tests", $"{verb}_{scenario}_{expectation}"),
            Language.Go => ($"github.com/acme/{repository}/src/{component}", null, $"Test{type}_{verb}{scenario}"),
            Language.Kotlin => ($"{type}Test", $"com.acme.{repository.Replace("-", "", StringComparison.Ordinal)}.{component}.{type}Test", words + "()"),
            Language.TypeScript => ($"src/{component}/__tests__/{Camel(type)}.test.ts", type, words),
            _ => ("pytest", $"tests.{component}.test_{Snake(type)}", $"test_{Snake(verb + scenario + expectation)}"),
        };
    }

    /// <summary>The dependency manifest and lock file of a language.</summary>
    public static string[] Manifests(Language language) => language switch
    {
        Language.CSharp => ["Directory.Packages.props", "packages.lock.json"],
        Language.Go => ["go.mod", "go.sum"],
        Language.Kotlin => ["gradle/libs.versions.toml", "gradle.lockfile"],
        Language.TypeScript => ["package.json", "package-lock.json"],
        _ => ["pyproject.toml", "poetry.lock"],
    };

    /// <summary>Dependencies a bot keeps up to date.</summary>
    public static string[] Packages(Language language) => language switch
    {
        Language.CSharp => ["Serilog", "Polly", "Npgsql", "FluentValidation", "Microsoft.Extensions.Http"],
        Language.Go => ["golang.org/x/net", "github.com/stretchr/testify", "google.golang.org/grpc", "github.com/prometheus/client_golang"],
        Language.Kotlin => ["io.ktor:ktor-server-core", "org.jetbrains.kotlinx:kotlinx-coroutines-core", "io.mockk:mockk"],
        Language.TypeScript => ["axios", "typescript", "@types/node", "jest", "express", "graphql"],
        _ => ["pandas", "pyarrow", "requests", "sqlalchemy", "pytest"],
    };

    /// <summary>The name of the step that installs a language's toolchain.</summary>
    public static string ToolchainStep(Language language) => language switch
    {
        Language.CSharp => "Set up .NET",
        Language.Go => "Set up Go",
        Language.Kotlin => "Set up JDK",
        Language.TypeScript => "Set up Node.js",
        _ => "Set up Python",
    };
}

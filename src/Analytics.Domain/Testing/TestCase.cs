using Analytics.Domain.Common;

namespace Analytics.Domain.Testing;

/// <summary>A test as it is known across runs. Keyed by (<see cref="Repository"/>, <see cref="TestId"/>).</summary>
/// <param name="Source">The system that brought it last.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="TestId">Its stable id; see <see cref="CreateId"/>.</param>
/// <param name="Suite">The suite that holds it.</param>
/// <param name="ClassName">Its class, when the report names one.</param>
/// <param name="Name">Its name.</param>
/// <param name="File">Its source file, when the report names one.</param>
public sealed record TestCase(
    string Source,
    string Repository,
    string TestId,
    string Suite,
    string? ClassName,
    string Name,
    string? File) : IRecord
{
    /// <summary>Its stable id.</summary>
    public string TestId { get; init => field = Guard.NotBlank(value, nameof(TestId)); } = Guard.NotBlank(TestId);

    /// <summary>
    /// The id of a test: <c>ClassName::Name</c>, or <c>Suite::Name</c> when the report names no class. The suite is left
    /// out when a class is known because runners disagree on suite names for the same class.
    /// </summary>
    public static string CreateId(string suite, string? className, string name) =>
        $"{(string.IsNullOrWhiteSpace(className) ? suite : className)}::{name}";
}

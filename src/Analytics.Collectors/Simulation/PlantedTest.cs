namespace Analytics.Collectors.Simulation;

/// <summary>A test the simulation planted a behaviour on, named as test results name it.</summary>
/// <param name="Repository">The repository's full name.</param>
/// <param name="TestId">The test's <see cref="Domain.Testing.TestCase.TestId"/>.</param>
public readonly record struct PlantedTest(string Repository, string TestId);

namespace Analytics.Benchmarks.Cli;

/// <summary>A command-line mistake: the message is printed as one line, without a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);

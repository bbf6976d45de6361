namespace Analytics.Host.Cli;

/// <summary>A problem the user can fix (bad option, bad configuration, unreadable input): printed as one line, exit code 2.</summary>
internal sealed class UserErrorException(string message) : Exception(message);

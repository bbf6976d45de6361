namespace Analytics.Collectors.HttpApi;

/// <summary>
/// A source sent data that cannot be mapped (an unparseable date, a status no category is known for). The message names
/// the record and the field; the whole scope is abandoned rather than stored with a guess.
/// </summary>
/// <param name="message">What and where.</param>
public sealed class SourceDataException(string message) : Exception(message);

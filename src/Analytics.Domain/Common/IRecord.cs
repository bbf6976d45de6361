namespace Analytics.Domain.Common;

/// <summary>A record brought by a source: <see cref="Source"/> names the system it came from.</summary>
public interface IRecord
{
    /// <summary>The system the record came from, such as <c>github</c>, <c>git</c>, <c>jira</c> or <c>import</c>.</summary>
    string Source { get; }
}

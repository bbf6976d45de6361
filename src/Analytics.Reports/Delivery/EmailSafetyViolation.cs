using System.Globalization;

namespace Analytics.Reports.Delivery;

/// <summary>One thing in an e-mail's HTML part that common mail clients strip, block or run badly.</summary>
/// <param name="Rule">Which check failed: <c>svg</c>, <c>script</c>, <c>event-handler</c>, <c>script-url</c>, <c>embedded-content</c>, <c>external-stylesheet</c>, <c>image-source</c>, <c>missing-image</c>, <c>image-alt</c>.</param>
/// <param name="Message">What is wrong, naming the element or attribute.</param>
/// <param name="Line">The 1-based line of the HTML part where the offending tag starts.</param>
/// <param name="Column">The 1-based column of that tag.</param>
public sealed record EmailSafetyViolation(string Rule, string Message, int Line, int Column)
{
    /// <summary><c>12:5: script: &lt;script&gt; elements are not run by mail clients</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Line}:{Column}: {Rule}: {Message}");
}

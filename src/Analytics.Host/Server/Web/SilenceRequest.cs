namespace Analytics.Host.Server.Web;

/// <summary>What creating a silence takes (the form's fields and <c>POST /api/silences</c>'s body).</summary>
/// <param name="Matchers">Label matchers, such as <c>{team="payments", alertname="SlowCi"}</c> (braces optional).</param>
/// <param name="Duration">How long, such as <c>2h</c>, <c>3d</c> or <c>1w</c>.</param>
/// <param name="Author">Who; an authenticated caller's name when left empty.</param>
/// <param name="Reason">Why.</param>
/// <param name="StartsAt">When it starts; now when null.</param>
internal sealed record SilenceRequest(string? Matchers, string? Duration, string? Author, string? Reason, DateTimeOffset? StartsAt = null);

namespace Analytics.Collectors.Simulation;

/// <summary>A simulated person as written in <see cref="Blueprint"/>.</summary>
/// <param name="Name">Their display name.</param>
/// <param name="Login">Their GitHub login.</param>
/// <param name="EmailLocal">The part of their work e-mail before <c>@</c>.</param>
/// <param name="NoReply">Whether they mostly commit with their GitHub no-reply address.</param>
internal sealed record PersonBlueprint(string Name, string Login, string EmailLocal, bool NoReply);

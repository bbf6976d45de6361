namespace Analytics.Signals.Incremental;

/// <summary>
/// A row a changed row belongs to (its pull request, a changed repository's records), as the signal cache places it:
/// its matched column, its time columns and the columns naming its teams (<see cref="TeamAttribution.OwnerColumns"/>).
/// </summary>
/// <param name="Key">The value of the matched column.</param>
/// <param name="Times">The time columns asked for, in order.</param>
/// <param name="Repository">Its repository, when the entity names one.</param>
/// <param name="Service">A deployment's service.</param>
internal readonly record struct ViaRow(string Key, DateTimeOffset?[] Times, string? Repository, string? Service);

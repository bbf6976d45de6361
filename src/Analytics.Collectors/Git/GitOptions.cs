using System.ComponentModel.DataAnnotations;

namespace Analytics.Collectors.Git;

/// <summary>How <see cref="GitHistoryReader"/> runs git.</summary>
public sealed class GitOptions
{
    /// <summary>The git executable: a name looked up on <c>PATH</c> or a full path. Default <c>git</c>.</summary>
    [Required]
    public string Executable { get; set; } = "git";
}

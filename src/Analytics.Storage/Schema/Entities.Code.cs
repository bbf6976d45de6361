using Analytics.Domain.Code;
using Analytics.Domain.People;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    /// <summary>Repositories.</summary>
    public static EntityMap<Repository> Repositories { get; } =
        new EntityMapBuilder<Repository>("repositories", "repositories", "Source-code repositories.")
            .Key("source", r => r.Source, SourceText)
            .Key("source_id", r => r.SourceId, "Its id in the source.")
            .Text("full_name", r => r.FullName, "`owner/name`; other records refer to the repository by it.")
            .Text("default_branch", r => r.DefaultBranch, "The mainline branch, such as `main`.")
            .OptionalText("url", r => r.Url, "Where a person can open it.")
            .Bool("is_archived", r => r.IsArchived, "Archived repositories are kept but not collected.")
            .OptionalInstant("created_at", r => r.CreatedAt, "When it was created.")
            .Build(r => new Repository(
                r.Text("source"), r.Text("source_id"), r.Text("full_name"), r.Text("default_branch"),
                r.TextOrNull("url"), r.Bool("is_archived"), r.InstantOrNull("created_at")));

    /// <summary>Accounts of people and bots in each source.</summary>
    public static EntityMap<Identity> Identities { get; } =
        new EntityMapBuilder<Identity>("identities", "identities", "Accounts of people and bots in each source; merged into people by configuration, shared e-mail and hints.")
            .Key("source", r => r.Source, "The system the account belongs to (`github`, `git`, `jira`, `pagerduty`…).")
            .Key("source_id", r => r.SourceId, "The account as records name it: a login, a git e-mail, an account id.")
            .OptionalText("name", r => r.Name, "Display name.")
            .OptionalText("email", r => r.Email, "E-mail address; accounts sharing one are the same person.")
            .Bool("is_bot", r => r.IsBot, "Whether the source says the account is a bot.")
            .OptionalText("person_hint", r => r.PersonHint, "A person key: accounts with the same hint are merged.")
            .Build(r => new Identity(
                r.Text("source"), r.Text("source_id"), r.TextOrNull("name"), r.TextOrNull("email"), r.Bool("is_bot"),
                r.TextOrNull("person_hint")));

    /// <summary>Pull requests.</summary>
    public static EntityMap<PullRequest> PullRequests { get; } =
        new EntityMapBuilder<PullRequest>("pull-requests", "pull_requests", "Pull (merge) requests.")
            .Key("source", r => r.Source, SourceText)
            .Key("source_id", r => r.SourceId, "Its id in the source; the GitHub collector uses `owner/name#number`.")
            .Text("repository", r => r.Repository, "The repository's full name.")
            .Int("number", r => r.Number, "Its number in the repository.")
            .Text("title", r => r.Title, "Its title.")
            .Enum("state", r => r.State, "Open, closed (unmerged) or merged.")
            .Bool("is_draft", r => r.IsDraft, "Whether it is a draft.")
            .Text("author", r => r.Author, "The author's account in the source.")
            .Instant("created_at", r => r.CreatedAt, "When it was opened.")
            .Instant("updated_at", r => r.UpdatedAt, "When it last changed upstream.")
            .OptionalInstant("merged_at", r => r.MergedAt, "When it was merged.")
            .OptionalInstant("closed_at", r => r.ClosedAt, "When it was closed (merged included).")
            .Text("base_ref", r => r.BaseRef, "The branch it merges into.")
            .Text("head_ref", r => r.HeadRef, "The branch it merges from.")
            .Int("additions", r => r.Additions, "Lines added.")
            .Int("deletions", r => r.Deletions, "Lines deleted.")
            .Int("changed_files", r => r.ChangedFiles, "Files changed.")
            .List("labels", r => r.Labels, "Its labels.")
            .OptionalText("merge_commit_sha", r => r.MergeCommitSha, "The commit the merge produced.")
            .Build(r => new PullRequest(
                r.Text("source"), r.Text("source_id"), r.Text("repository"), r.Int("number"), r.Text("title"),
                r.Enum<PullRequestState>("state"), r.Bool("is_draft"), r.Text("author"), r.Instant("created_at"),
                r.Instant("updated_at"), r.InstantOrNull("merged_at"), r.InstantOrNull("closed_at"), r.Text("base_ref"),
                r.Text("head_ref"), r.Int("additions"), r.Int("deletions"), r.Int("changed_files"), r.List("labels"),
                r.TextOrNull("merge_commit_sha")));

    /// <summary>Submitted reviews.</summary>
    public static EntityMap<Review> Reviews { get; } =
        new EntityMapBuilder<Review>("reviews", "reviews", "Submitted reviews of pull requests.")
            .Key("source", r => r.Source, SourceText)
            .Key("source_id", r => r.SourceId, "Its id in the source.")
            .Text("pull_request_id", r => r.PullRequestId, "The pull request's `source_id`.")
            .Text("reviewer", r => r.Reviewer, "The reviewer's account in the source.")
            .Enum("state", r => r.State, "The verdict.")
            .Instant("submitted_at", r => r.SubmittedAt, "When it was submitted.")
            .Build(r => new Review(
                r.Text("source"), r.Text("source_id"), r.Text("pull_request_id"), r.Text("reviewer"),
                r.Enum<ReviewState>("state"), r.Instant("submitted_at")));

    /// <summary>Review comments.</summary>
    public static EntityMap<ReviewComment> ReviewComments { get; } =
        new EntityMapBuilder<ReviewComment>("review-comments", "review_comments", "Comments on pull requests (bodies are not kept).")
            .Key("source", r => r.Source, SourceText)
            .Key("source_id", r => r.SourceId, "Its id in the source.")
            .Text("pull_request_id", r => r.PullRequestId, "The pull request's `source_id`.")
            .OptionalText("review_id", r => r.ReviewId, "The review it belongs to.")
            .Text("author", r => r.Author, "The author's account in the source.")
            .Instant("created_at", r => r.CreatedAt, "When it was written.")
            .OptionalText("path", r => r.Path, "The file a diff comment is attached to.")
            .OptionalText("in_reply_to_id", r => r.InReplyToId, "The comment it answers.")
            .Build(r => new ReviewComment(
                r.Text("source"), r.Text("source_id"), r.Text("pull_request_id"), r.TextOrNull("review_id"),
                r.Text("author"), r.Instant("created_at"), r.TextOrNull("path"), r.TextOrNull("in_reply_to_id")));

    /// <summary>Commits of pull requests.</summary>
    public static EntityMap<PullRequestCommit> PullRequestCommits { get; } =
        new EntityMapBuilder<PullRequestCommit>("pull-request-commits", "pull_request_commits", "Commits that belong to a pull request.")
            .Key("source", r => r.Source, SourceText)
            .Key("pull_request_id", r => r.PullRequestId, "The pull request's `source_id`.")
            .Key("sha", r => r.Sha, "The commit's hash.")
            .OptionalText("author", r => r.Author, "The author's account in the source.")
            .Instant("authored_at", r => r.AuthoredAt, "When it was authored.")
            .Build(r => new PullRequestCommit(
                r.Text("source"), r.Text("pull_request_id"), r.Text("sha"), r.TextOrNull("author"), r.Instant("authored_at")));

    /// <summary>Commits.</summary>
    public static EntityMap<Commit> Commits { get; } =
        new EntityMapBuilder<Commit>("commits", "commits", "Commits; one record per repository and hash, whichever source brought it.")
            .Text("source", r => r.Source, "The system that brought it last.")
            .Key("repository", r => r.Repository, "The repository's full name.")
            .Key("sha", r => r.Sha, "The commit's hash.")
            .Text("author_name", r => r.AuthorName, "The author's name (after `.mailmap`).")
            .Text("author_email", r => r.AuthorEmail, "The author's e-mail (after `.mailmap`).")
            .Instant("authored_at", r => r.AuthoredAt, "When it was authored.")
            .Text("committer_name", r => r.CommitterName, "The committer's name.")
            .Text("committer_email", r => r.CommitterEmail, "The committer's e-mail.")
            .Instant("committed_at", r => r.CommittedAt, "When it was committed.")
            .Int("parent_count", r => r.ParentCount, "0 for a root commit, 2 or more for a merge.")
            .Int("additions", r => r.Additions, "Lines added over all files.")
            .Int("deletions", r => r.Deletions, "Lines deleted over all files.")
            .Text("title", r => r.Title, "The first line of the message.")
            .Build(r => new Commit(
                r.Text("source"), r.Text("repository"), r.Text("sha"), r.Text("author_name"), r.Text("author_email"),
                r.Instant("authored_at"), r.Text("committer_name"), r.Text("committer_email"), r.Instant("committed_at"),
                r.Int("parent_count"), r.Int("additions"), r.Int("deletions"), r.Text("title")));

    /// <summary>Files changed by commits.</summary>
    public static EntityMap<FileChange> FileChanges { get; } =
        new EntityMapBuilder<FileChange>("file-changes", "file_changes", "Files changed by commits.")
            .Text("source", r => r.Source, "The system that brought it last.")
            .Key("repository", r => r.Repository, "The repository's full name.")
            .Key("sha", r => r.Sha, "The commit's hash.")
            .Key("path", r => r.Path, "The file's path after the change.")
            .OptionalText("old_path", r => r.OldPath, "The path it was renamed or copied from.")
            .Enum("kind", r => r.Kind, "What the commit did to the file.")
            .OptionalInt("additions", r => r.Additions, "Lines added; empty for a binary file.")
            .OptionalInt("deletions", r => r.Deletions, "Lines deleted; empty for a binary file.")
            .Build(r => new FileChange(
                r.Text("source"), r.Text("repository"), r.Text("sha"), r.Text("path"), r.TextOrNull("old_path"),
                r.Enum<FileChangeKind>("kind"), r.IntOrNull("additions"), r.IntOrNull("deletions")));

    /// <summary>Files changed by pull requests (base against head).</summary>
    public static EntityMap<PullRequestFile> PullRequestFiles { get; } =
        new EntityMapBuilder<PullRequestFile>("pull-request-files", "pull_request_files", "Files changed by pull requests, over the whole pull request (not per commit).")
            .Key("source", r => r.Source, SourceText)
            .Key("pull_request_id", r => r.PullRequestId, "The pull request's `source_id`.")
            .Text("repository", r => r.Repository, "The repository's full name.")
            .Key("path", r => r.Path, "The file's path after the change.")
            .OptionalText("old_path", r => r.OldPath, "The path it was renamed or copied from.")
            .Enum("kind", r => r.Kind, "What the pull request does to the file.")
            .Int("additions", r => r.Additions, "Lines added (0 for a binary file).")
            .Int("deletions", r => r.Deletions, "Lines deleted (0 for a binary file).")
            .Build(r => new PullRequestFile(
                r.Text("source"), r.Text("pull_request_id"), r.Text("repository"), r.Text("path"), r.TextOrNull("old_path"),
                r.Enum<FileChangeKind>("kind"), r.Int("additions"), r.Int("deletions")));
}

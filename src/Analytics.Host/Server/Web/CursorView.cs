namespace Analytics.Host.Server.Web;

/// <summary>A source's sync cursor for one scope.</summary>
/// <param name="Source">The source (<c>github</c>, <c>git</c>, <c>jira</c>, <c>pagerduty</c>).</param>
/// <param name="Scope">The scope (a repository, <c>project:KEY</c>, <c>incidents</c>).</param>
/// <param name="Cursor">The cursor as stored (a watermark or a commit).</param>
internal sealed record CursorView(string Source, string Scope, string Cursor);

namespace Analytics.Collectors.Jira;

/// <summary>Which Jira product a site runs: the APIs, paging and authentication differ.</summary>
public enum JiraFlavor
{
    /// <summary>Jira Cloud: REST v3, the enhanced JQL search with <c>nextPageToken</c>, the bulk changelog, e-mail + API token.</summary>
    Cloud,

    /// <summary>
    /// Jira Server or Data Center: REST v2, <c>/rest/api/2/search</c> with <c>startAt</c>/<c>maxResults</c>/<c>total</c>,
    /// changelogs inline through <c>expand=changelog</c>, a personal access token as a bearer token.
    /// </summary>
    DataCenter,
}

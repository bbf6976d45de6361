namespace Analytics.Host.Scheduling;

/// <summary>This process's name among the nodes: shown in the job history and used as its Quartz instance id.</summary>
/// <param name="Name">The name (<c>Server:Node</c>, else the machine name and process id).</param>
internal sealed record ServerNode(string Name);

using Analytics.Domain.Code;

namespace Analytics.Collectors.Simulation;

/// <summary>A review planned on a pull request.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Reviewer">Who submits it.</param>
/// <param name="State">Its verdict.</param>
/// <param name="At">When it is submitted.</param>
/// <param name="CommentCount">How many diff comments it carries.</param>
internal sealed record ReviewPlan(string Id, SimPerson Reviewer, ReviewState State, DateTimeOffset At, int CommentCount);

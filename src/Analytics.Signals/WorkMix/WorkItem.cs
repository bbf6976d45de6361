using Analytics.Domain.People;
using Analytics.Domain.Work;

namespace Analytics.Signals.WorkMix;

/// <summary>One piece of finished work as the work-mix signals count it.</summary>
/// <param name="Team">The team it counts for.</param>
/// <param name="Type">Its work type.</param>
/// <param name="Measure">What it measures (<see cref="WorkMeasure"/>).</param>
/// <param name="At">When it was finished (resolution or merge).</param>
/// <param name="Amount">How much: 1 for a ticket or pull request, the story points for <see cref="WorkMeasure.Points"/>.</param>
internal sealed record WorkItem(Team Team, WorkType Type, string Measure, DateTimeOffset At, double Amount);

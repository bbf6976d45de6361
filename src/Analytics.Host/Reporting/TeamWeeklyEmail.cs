using Analytics.Domain.People;
using Analytics.Reports.Delivery;
using Analytics.Reports.Weekly;

namespace Analytics.Host.Reporting;

/// <summary>A team's weekly report, its e-mail and who it goes to: what sending needs, in one value.</summary>
/// <param name="Team">The team.</param>
/// <param name="Report">The report.</param>
/// <param name="Email">The e-mail of the report.</param>
/// <param name="Recipients">The addresses of the team's <c>email</c> in the teams file; empty when it has none.</param>
internal sealed record TeamWeeklyEmail(Team Team, WeeklyReport Report, EmailMessage Email, IReadOnlyList<string> Recipients);

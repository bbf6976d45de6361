using Analytics.Reports.Quarterly;

namespace Analytics.Reports.Tests.Quarterly;

public sealed class QuarterlyReviewPageTests
{
    [Fact]
    public void Render_TeamReview_StandalonePageWithScorecardChartsAndNoScript()
    {
        var html = QuarterlyReviewPage.Render(SampleReviews.TeamReview());

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<h1>Payments Core</h1>").And.NotContain("<script").And.NotContain("src=\"http");
        foreach (var capability in MaturityModel.Default.Capabilities)
        {
            html.Should().Contain($"<h2 id=\"{capability.Id}\">");
        }

        html.Should().Contain("<svg").And.Contain("level by quarter").And.Contain("no data");
    }

    [Fact]
    public void Create_Email_SummaryWithPdfAttachedAndNoSvg()
    {
        var review = SampleReviews.TeamReview();

        var message = QuarterlyReviewEmail.Create(review, new byte[] { 1, 2, 3 });

        message.Subject.Should().Be("Operational-maturity review 2026-Q3: Payments Core");
        message.HtmlBody.Should().NotContain("<svg").And.NotContain("<script").And.Contain("Delivery");
        message.TextBody.Should().Contain("Review practice");
        var attachment = message.Attachments.Should().ContainSingle().Subject;
        attachment.FileName.Should().Be("quarterly-payments-2026-Q3.pdf");
        attachment.MediaType.Should().Be("application/pdf");
        attachment.Content.ToArray().Should().Equal(1, 2, 3);
    }
}

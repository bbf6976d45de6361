// Tests of `analytics serve`: the scheduler, the dashboard and the HTTP endpoints, against real processes, a real
// PostgreSQL and Debian's Chromium driven by Playwright.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

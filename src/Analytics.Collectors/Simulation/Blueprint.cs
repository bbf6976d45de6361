namespace Analytics.Collectors.Simulation;

/// <summary>The fixed shape of the simulated organisation: teams, people, repositories, and who plays which planted role.</summary>
internal static class Blueprint
{
    /// <summary>The reviewer who does about 40% of the payments team's reviews.</summary>
    public const string OverloadedReviewer = "mkowalska";

    /// <summary>The only person who ever changes the silo folder.</summary>
    public const string SiloAuthor = "dokafor";

    /// <summary>The repository (without owner) holding the silo folder.</summary>
    public const string SiloRepository = "ledger";

    /// <summary>The component whose folder is the silo.</summary>
    public const string SiloComponent = "reconciliation";

    /// <summary>The person who leaves half-way through the history.</summary>
    public const string Leaver = "ebrooks";

    /// <summary>The repository (without owner) whose <c>ci</c> workflow slows down.</summary>
    public const string SlowedRepository = "gateway";

    /// <summary>The repository (without owner) holding the broken test.</summary>
    public const string BrokenRepository = "auth-service";

    /// <summary>The team whose incidents rise in the last quarter.</summary>
    public const string IncidentRiseTeam = "mobile";

    /// <summary>Repositories (without owner) holding a flaky test, with its failure probability.</summary>
    public static readonly (string Repository, double FailureRate)[] FlakyTests =
    [
        ("payments-api", 0.12),
        ("gateway", 0.07),
        ("mobile-bff", 0.10),
        ("data-pipeline", 0.06),
    ];

    /// <summary>The dependency bots: GitHub login, numeric user id (for the no-reply e-mail).</summary>
    public static readonly (string Login, int UserId)[] Bots =
    [
        ("dependabot[bot]", 49699333),
        ("renovate[bot]", 29139614),
    ];

    /// <summary>The teams.</summary>
    public static readonly TeamBlueprint[] Teams =
    [
        new(
            "payments",
            "Payments",
            "Europe/London",
            "PAY",
            [
                new("Marta Kowalska", "mkowalska", "marta.kowalska", false),
                new("Daniel Okafor", "dokafor", "daniel.okafor", false),
                new("Sophie Turner", "sophiet", "sophie.turner", false),
                new("Rahul Mehta", "rmehta-acme", "rahul.mehta", true),
                new("Lena Fischer", "lfischer", "lena.fischer", false),
                new("Tom Walsh", "twalsh", "tom.walsh", true),
            ],
            [
                new("payments-api", Language.CSharp, ["checkout", "refunds", "webhooks", "fraud", "common"], ["ubuntu-latest"], 24, 3.0, 6.0, false, "dependabot[bot]"),
                new("ledger", Language.Go, ["accounts", "postings", "reconciliation", "reporting", "storage"], ["1.22", "1.23"], 13, 1.5, 3.0, false, "dependabot[bot]"),
            ],
            1.2),
        new(
            "platform",
            "Platform",
            "Europe/Berlin",
            "PLAT",
            [
                new("Jonas Becker", "jbecker", "jonas.becker", false),
                new("Aylin Demir", "aylind", "aylin.demir", true),
                new("Mateo García", "mgarcia", "mateo.garcia", false),
                new("Hannah Schmidt", "hschmidt", "hannah.schmidt", false),
                new("Piotr Nowak", "pnowak", "piotr.nowak", true),
                new("Chloé Martin", "cmartin", "chloe.martin", false),
                new("Erik Lindqvist", "elindqvist", "erik.lindqvist", false),
            ],
            [
                new("gateway", Language.Go, ["routing", "ratelimit", "authn", "observability", "config"], ["1.22", "1.23"], 13, 2.0, 4.0, false, "renovate[bot]"),
                new("auth-service", Language.Kotlin, ["tokens", "sessions", "users", "oauth", "audit"], ["jdk-17", "jdk-21"], 12, 4.0, 7.0, false, "renovate[bot]"),
            ],
            1.0),
        new(
            "mobile",
            "Mobile",
            "America/New_York",
            "MOB",
            [
                new("Jasmine Lee", "jaslee", "jasmine.lee", false),
                new("Marcus Johnson", "mjohnson", "marcus.johnson", true),
                new("Ana Souza", "asouza", "ana.souza", false),
                new("Kevin O'Brien", "kobrien", "kevin.obrien", false),
                new("Grace Kim", "gracekim", "grace.kim", false),
                new("Ethan Brooks", "ebrooks", "ethan.brooks", false),
            ],
            [
                new("mobile-app", Language.TypeScript, ["screens", "navigation", "checkout", "onboarding", "components"], ["node-20"], 22, 5.0, 5.0, false, "renovate[bot]", WeeklyRelease: true),
                new("mobile-bff", Language.TypeScript, ["routes", "graphql", "clients", "middleware", "auth"], ["node-20", "node-22"], 11, 1.5, 3.0, true, "dependabot[bot]"),
            ],
            0.8),
        new(
            "data",
            "Data",
            "Asia/Kolkata",
            "DATA",
            [
                new("Priya Raman", "priyar", "priya.raman", false),
                new("Arjun Nair", "anair", "arjun.nair", true),
                new("Meera Iyer", "miyer", "meera.iyer", false),
                new("Vikram Singh", "vsingh", "vikram.singh", false),
                new("Fatima Khan", "fkhan", "fatima.khan", false),
            ],
            [
                new("data-pipeline", Language.Python, ["ingestion", "transforms", "exports", "scheduling", "quality"], ["3.11", "3.12"], 12, 1.0, 4.0, true, "dependabot[bot]"),
            ],
            0.9),
    ];
}

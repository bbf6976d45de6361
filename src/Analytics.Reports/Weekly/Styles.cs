namespace Analytics.Reports.Weekly;

/// <summary>The reports' stylesheet, inlined in each page so a page is one self-contained file.</summary>
public static class Styles
{
    /// <summary>The stylesheet of report pages (also the base of the server's dashboard).</summary>
    public const string Page = """
        body{margin:0;background:#f6f7f9;color:#1d2330;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        main{max-width:760px;margin:0 auto;padding:24px;background:#fff}
        .kicker{margin:0;color:#5b6475;font-size:13px;text-transform:uppercase;letter-spacing:.06em}
        h1{margin:4px 0 4px;font-size:28px}h2{margin:28px 0 8px;font-size:19px;border-bottom:1px solid #e3e6eb;padding-bottom:4px}
        .period{margin:0;color:#5b6475}
        table.metrics{width:100%;border-collapse:collapse}table.metrics th,table.metrics td{padding:6px 8px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:middle}
        table.metrics thead th{font-size:12px;color:#5b6475;font-weight:600}.num{text-align:right;white-space:nowrap}
        .none{color:#9aa1ad}figure{margin:16px 0}figure svg{max-width:100%;height:auto}figcaption{color:#5b6475;font-size:13px}
        ul.shipped{padding-left:18px}ul.risks{padding-left:0;list-style:none}ul.risks li{padding:8px 10px;margin:6px 0;border-left:4px solid #d55e00;background:#fdf5ef}
        .kind{display:inline-block;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#a33f00;margin-right:6px}.repo{color:#5b6475;font-size:13px;margin-right:4px}
        footer{margin-top:32px;color:#8a91a0;font-size:12px}
        @media print{body{background:#fff}main{padding:0}}
        """;
}

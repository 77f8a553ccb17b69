package com.rollercoach.review.report;

import java.util.Locale;

/**
 * The shared frame of the review pages: one self-contained, well-formed (XHTML-compatible) HTML
 * document with inline CSS and inline SVG, no scripts and no external assets, so it can be mailed,
 * archived and opened offline.
 */
public final class Page {
  static final String CSS = """
      body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;color:#1f2933;margin:0;background:#f4f6f8}
      main{max-width:1040px;margin:0 auto;padding:24px 28px 40px;background:#fff}
      h1{font-size:26px;margin:0 0 4px}
      h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #e4e7eb;padding-bottom:4px}
      .sub{color:#52606d;margin:0 0 16px}
      .cards{display:table;width:100%;table-layout:fixed;border-spacing:8px 0;margin:12px 0}
      .card{display:table-cell;border:1px solid #e4e7eb;border-radius:8px;padding:8px 10px;background:#fbfcfd}
      .card .v{font-size:24px;font-weight:bold}
      .card .k{font-size:12px;color:#52606d;text-transform:uppercase;letter-spacing:.04em}
      .card .t{font-size:12px;color:#7b8794}
      table{border-collapse:collapse;width:100%;font-size:13px}
      th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top}
      th{background:#f0f4f8;font-weight:600}
      th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
      .MET{color:#1e7b34;font-weight:bold}
      .OFF_TARGET{color:#b54708;font-weight:bold}
      .MISSING{color:#b42318;font-weight:bold}
      tr.DWELL td,tr.SPOT td{background:#fff4e5} tr.HOLD td{background:#e9f7ee} tr.GAP td{background:#fdecec}
      tr.ON td,tr.OFF td{color:#52606d}
      .chart{margin:6px 0 2px} .chart svg{width:100%;height:auto}
      .note{white-space:pre-wrap;border-left:4px solid #cbd2d9;padding:6px 12px;background:#f8f9fa}
      .muted{color:#7b8794;font-size:12px}
      footer{margin-top:28px;color:#7b8794;font-size:12px}
      .rx{margin:0 0 8px;font-size:13px}
      .cols{display:table;width:100%;table-layout:fixed} .col{display:table-cell;vertical-align:top;padding-right:12px}
      @page{size:A4;margin:11mm 12mm}
      @media print{
        body{background:#fff;font-size:10px}
        main{max-width:none;margin:0;padding:0}
        h1{font-size:17px} h2{font-size:12.5px;margin:9px 0 3px;padding-bottom:1px}
        .sub,.rx{font-size:10px;margin-bottom:4px}
        .cards{margin:4px 0;border-spacing:4px 0} .card{padding:3px 5px;border-radius:4px}
        .card .v{font-size:14px} .card .k,.card .t{font-size:8px}
        table{font-size:8.5px} th,td{padding:1.5px 4px}
        .muted{font-size:8px;margin:0 0 2px}
        .chart{margin:0;page-break-inside:avoid;break-inside:avoid}
        details{display:none}
        .page2{page-break-before:always;break-before:page}
        footer{margin-top:6px;font-size:8px}
        .noprint{display:none}
      }
      """;

  private final StringBuilder html = new StringBuilder(1 << 16);

  public Page(String title) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(Html.esc(title)).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
  }

  /** Appends markup this class's callers built; text inside must already be escaped. */
  public Page raw(String markup) {
    html.append(markup);
    return this;
  }

  public Page h1(String text) {
    return raw("<h1>" + Html.esc(text) + "</h1>\n");
  }

  public Page h2(String text) {
    return raw("<h2>" + Html.esc(text) + "</h2>\n");
  }

  public Page p(String cssClass, String text) {
    return raw("<p class=\"" + cssClass + "\">" + Html.esc(text) + "</p>\n");
  }

  public Page openCards() {
    return raw("<div class=\"cards\">\n");
  }

  public Page card(String key, String value, String target) {
    return raw("<div class=\"card\"><div class=\"k\">" + Html.esc(key) + "</div><div class=\"v\">"
        + Html.esc(value) + "</div><div class=\"t\">" + Html.esc(target) + "</div></div>\n");
  }

  public Page closeDiv() {
    return raw("</div>\n");
  }

  public Page chart(String svg) {
    return raw("<div class=\"chart\">" + svg + "</div>\n");
  }

  /** Opens a table; with no headers it is a plain key/value table. */
  public Page table(String[] headers, boolean[] numeric) {
    if (headers.length == 0) return raw("<table>\n<tbody>\n");
    raw("<table>\n<thead><tr>");
    for (int i = 0; i < headers.length; i++) {
      raw("<th" + (numeric[i] ? " class=\"num\"" : "") + ">" + Html.esc(headers[i]) + "</th>");
    }
    return raw("</tr></thead>\n<tbody>\n");
  }

  /** A row of cells; each cell is escaped; {@code rowClass} is a trusted enum name or empty. */
  public Page row(String rowClass, boolean[] numeric, String... cells) {
    raw(rowClass.isEmpty() ? "<tr>" : "<tr class=\"" + rowClass + "\">");
    for (int i = 0; i < cells.length; i++) {
      raw("<td" + (numeric[i] ? " class=\"num\"" : "") + ">" + Html.esc(cells[i]) + "</td>");
    }
    return raw("</tr>\n");
  }

  public Page endTable() {
    return raw("</tbody>\n</table>\n");
  }

  public String finish(String footer) {
    return html.append("<footer>").append(Html.esc(footer)).append("</footer>\n</main>\n</body>\n</html>\n")
        .toString();
  }

  public static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}

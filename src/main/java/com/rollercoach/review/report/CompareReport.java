package com.rollercoach.review.report;

import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.Durations;
import com.rollercoach.review.analysis.PositionTrace;
import com.rollercoach.review.analysis.Rolling;
import com.rollercoach.review.analysis.Verdict;
import com.rollercoach.review.frame.BackFrame;
import com.rollercoach.review.patients.PrescriptionText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Two sessions side by side, on the same back frame: the counts, pace and range against each one's
 * prescription, where on the back each rolled and held still, pain, and how the time was spread along
 * the back in one chart. Positions compare across sessions because both are measured from a landmark;
 * when either session's direction is unknown the page says so (its sign may be mirrored).
 */
public final class CompareReport {
  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());
  static final Color A = new Color(0x1f, 0x3a, 0x5f);
  static final Color B = new Color(0xe0, 0x7b, 0x18);

  private final ReviewSession a;
  private final ReviewSession b;

  public CompareReport(ReviewSession a, ReviewSession b) {
    this.a = a;
    this.b = b;
  }

  /** The rows of the comparison: label, A, B. Also what the window's compare view shows. */
  public List<String[]> rows() {
    SessionAnalysis x = a.onBack().analysis();
    SessionAnalysis y = b.onBack().analysis();
    return List.of(
        new String[] {"Date", DAY.format(a.entry().startedAt()), DAY.format(b.entry().startedAt())},
        new String[] {"Patient", a.entry().patient(), b.entry().patient()},
        new String[] {"Prescribed", PrescriptionText.of(a.prescription()), PrescriptionText.of(b.prescription())},
        new String[] {"Duration", Durations.clock(x.durationS()), Durations.clock(y.durationS())},
        new String[] {"Rolls", String.valueOf(x.rolls()), String.valueOf(y.rolls())},
        new String[] {"Seconds per pass", secs(Rolling.secondsPerPass(x)), secs(Rolling.secondsPerPass(y))},
        new String[] {"Pace while rolling", pace(x), pace(y)},
        new String[] {"Range", span(a), span(b)},
        new String[] {"On the back", where(a), where(b)},
        new String[] {"Tender spots", spots(a), spots(b)},
        new String[] {"Extension hold", hold(x), hold(y)},
        new String[] {"Pain before → after", SessionReport.pain(a.entry().notes()), SessionReport.pain(b.entry().notes())},
        // "3/5", as sessions list, the progress page and the Review table say it (was "Verdicts met 3 of 5")
        new String[] {"Checks met", Checks.of(a).fraction(), Checks.of(b).fraction()},
        new String[] {"Landmark", a.frame().landmark().text() + dir(a.frame()), b.frame().landmark().text() + dir(b.frame())});
  }

  private static String dir(BackFrame f) {
    return f.directionKnown() ? "" : "; direction unknown";
  }

  private static String pace(SessionAnalysis a) {
    return a.passes().isEmpty() ? "–" : com.rollercoach.review.Measures.pace(a.paceCmS());
  }

  private static String secs(double v) {
    return Double.isNaN(v) ? "–" : Page.fmt("%.1f s", v);
  }

  /**
   * The session's range, as sessions list, sessions show, the report and progress give it (within
   * each time on the roller: a second get-on puts the roller back elsewhere), then where the passes
   * went. This row gave the passes' whole extent: 25.4 cm beside the report's 13.7 cm for one session
   * of two sets.
   */
  private static String span(ReviewSession r) {
    SessionAnalysis x = r.onBack().analysis();
    if (x.passes().isEmpty()) return "no passes";
    double[] s = r.rollingSpan();
    String where = r.frame().position(s[0]) + " to " + r.frame().position(s[1]);
    boolean apart = Math.abs((s[1] - s[0]) - x.rangeCm()) >= 0.05;
    return com.rollercoach.review.Measures.range(x.rangeCm()) + ": " + where
        + (apart ? Page.fmt(" over %d times on the roller", x.onPeriods().size()) : "");
  }

  private static String where(ReviewSession r) {
    double[] s = r.rollingSpan();
    return r.onBack().analysis().passes().isEmpty() ? "–" : r.frame().rangeVerdict(s[0], s[1]);
  }

  private static String spots(ReviewSession r) {
    List<Dwell> d = r.onBack().analysis().dwells();
    if (d.isEmpty()) return "none";
    return d.stream().map(x -> r.frame().position(x.positionCm()) + " (" + Durations.clock(x.durationS()) + ")")
        .collect(Collectors.joining(", "));
  }

  private static String hold(SessionAnalysis s) {
    return s.holds().stream().max((p, q) -> Double.compare(p.durationS(), q.durationS()))
        .map((ExtensionHold h) -> Durations.clock(h.durationS()) + ", " + h.breaths() + " breaths").orElse("none");
  }

  /** Seconds at each centimetre of the back, both sessions in one chart, tender spots marked in each colour. */
  public JFreeChart timeAtPositionChart() {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("A " + DAY.format(a.entry().startedAt()), a.onBack().trace()));
    data.addSeries(series("B " + DAY.format(b.entry().startedAt()), b.onBack().trace()));
    XYStepRenderer r = new XYStepRenderer();
    r.setSeriesPaint(0, A);
    r.setSeriesPaint(1, B);
    r.setSeriesStroke(0, new BasicStroke(2f));
    r.setSeriesStroke(1, new BasicStroke(2f));
    NumberAxis x = new NumberAxis("position on the back");
    NumberAxis y = new NumberAxis("seconds");
    x.setLabelFont(SessionCharts.LABEL);
    y.setLabelFont(SessionCharts.LABEL);
    x.setTickLabelFont(SessionCharts.LABEL);
    y.setTickLabelFont(SessionCharts.LABEL);
    XYPlot plot = SessionCharts.styled(new XYPlot(data, x, y, r));
    mark(plot, a, A);
    mark(plot, b, B);
    JFreeChart chart = new JFreeChart("Where the time went on the back", new java.awt.Font("SansSerif",
        java.awt.Font.BOLD, 14), plot, true);
    chart.setID("compare-time-at-position");
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(SessionCharts.LABEL);
    // Both frames share the band; the wider uncertainty of the two is drawn.
    BackFrame wider = a.frame().uncertaintyCm() >= b.frame().uncertaintyCm() ? a.frame() : b.frame();
    return SessionCharts.onBack(chart, a.frame().directionKnown() && b.frame().directionKnown() ? wider
        : BackFrame.unknownDirection(wider.landmark(), 0), true);
  }

  private static void mark(XYPlot plot, ReviewSession r, Color c) {
    for (Dwell d : r.onBack().analysis().dwells()) {
      ValueMarker m = new ValueMarker(d.positionCm(), c, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
      plot.addDomainMarker(m);
    }
  }

  private static XYSeries series(String key, PositionTrace t) {
    double[] span = t.onRollerSpan();
    double from = Math.floor(span[0]);
    int bins = Math.max(1, (int) Math.ceil(span[1]) - (int) from);
    double[] s = t.timeAtPosition(from, 1.0, bins);
    XYSeries out = new XYSeries(key, true, false);
    for (int i = 0; i < bins; i++) out.add(from + i, s[i]);
    return out;
  }

  public String html() {
    String patient = a.entry().patient().equals(b.entry().patient()) ? a.entry().patient()
        : a.entry().patient() + " / " + b.entry().patient();
    Page page = new Page("Two sessions compared: " + patient);
    page.h1("Two sessions compared: " + patient);
    page.p("sub", "A: session " + a.entry().id() + " · B: session " + b.entry().id());
    boolean[] num = {false, false, false};
    page.table(new String[] {"", "A", "B"}, num);
    for (String[] row : rows()) page.row("", num, row);
    page.endTable();
    page.p("muted", a.frame().describe() + (a.frame().directionKnown() && b.frame().directionKnown() ? ""
        : " At least one session's direction is unknown: its positions may be mirrored."));
    page.chart(ChartImages.svg(timeAtPositionChart(), SessionReport.CHART_W, 260));
    page.raw("<div class=\"cols\"><div class=\"col\">\n");
    page.h2("A: timeline");
    page.chart(ChartImages.svg(timeline(a, "timeline-a"), 480, 260));
    page.raw("</div><div class=\"col\">\n");
    page.h2("B: timeline");
    page.chart(ChartImages.svg(timeline(b, "timeline-b"), 480, 260));
    page.raw("</div></div>\n");
    page.raw("<div class=\"cols\"><div class=\"col\">\n");
    page.h2("A: against the prescription");
    SessionReport.compactVerdictTable(page, SessionReport.verdicts(a));
    page.raw("</div><div class=\"col\">\n");
    page.h2("B: against the prescription");
    SessionReport.compactVerdictTable(page, SessionReport.verdicts(b));
    page.raw("</div></div>\n");
    return page.finish("Roller Coach comparison · " + a.frame().describe());
  }

  /** One session's timeline on the back, with an id of its own (two on one page). */
  private static JFreeChart timeline(ReviewSession r, String id) {
    JFreeChart c = SessionCharts.onBack(SessionCharts.timeline(r.onBack().analysis(), r.onBack().trace()), r.frame(), false);
    c.setID(id);
    return c;
  }

  public void write(Path out) throws IOException {
    Files.writeString(out, html());
  }

  public void writePdf(Path out) throws IOException {
    PdfReport.write(html(), out);
  }
}

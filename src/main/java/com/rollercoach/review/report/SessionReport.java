package com.rollercoach.review.report;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.DataQuality;
import com.rollercoach.review.analysis.Durations;
import com.rollercoach.review.analysis.GapTotals;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.analysis.Rolling;
import com.rollercoach.review.analysis.Verdict;
import com.rollercoach.review.frame.BackFrame;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.patients.PrescriptionText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.jfree.chart.JFreeChart;

/**
 * The one-session report a physio reads: what was done against this patient's prescription (the one in
 * force on the session's date), where on the back (positions from a landmark, toward the head when the
 * roller's direction is known), the timeline, speed over rolling time only, where the time went, the
 * event table (rolling stretches never overlap still periods), pain and notes, and how complete the
 * data is. One self-contained HTML file that prints on two A4/Letter pages and converts to PDF
 * ({@link PdfReport}).
 */
public final class SessionReport {
  static final int CHART_W = 980;
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  private final ReviewSession review;
  private final SessionEntry session;
  private final ReplayResult replay;
  private final CoachingTargets targets;
  private final List<Verdict> verdicts;

  public SessionReport(ReviewSession review) {
    this.review = review;
    this.session = review.entry();
    this.replay = review.onBack();
    this.targets = review.prescription().targets();
    this.verdicts = verdicts(review);
  }

  /** Without a calibration or a patient file: direction unknown, judged against {@code prescription}. */
  public SessionReport(SessionEntry session, ReplayResult raw, Prescription prescription) {
    this(ReviewSession.plain(session, raw, prescription));
  }

  /** The verdicts of a session against its prescription ({@link Checks}, the one place that judges). */
  static List<Verdict> verdicts(ReviewSession r) {
    return Checks.of(r).verdicts();
  }

  public ReviewSession review() {
    return review;
  }

  public List<Verdict> verdicts() {
    return verdicts;
  }

  public JFreeChart timelineChart() {
    return SessionCharts.onBack(SessionCharts.timeline(replay.analysis(), replay.trace()), review.frame(), false);
  }

  public JFreeChart speedChart() {
    return SessionCharts.speed(replay.analysis(), replay.trace(), targets);
  }

  public JFreeChart timeAtPositionChart() {
    return SessionCharts.onBack(SessionCharts.timeAtPosition(replay.analysis(), replay.trace()), review.frame(), true);
  }

  public String html() {
    SessionAnalysis a = replay.analysis();
    Page page = new Page("Foam rolling session: " + session.patient());
    page.raw("<section class=\"page1\">\n");
    page.h1("Foam rolling session: " + session.patient());
    page.p("sub", WHEN.format(session.startedAt()) + " · " + Durations.clock(a.durationS())
        + " recorded · session " + session.id());
    page.p("rx", "Prescribed" + review.prescribedFrom().map(d -> " (since " + d + ")").orElse(" (protocol default)")
        + ": " + PrescriptionText.of(review.prescription()));
    keyNumbers(page, a);
    protocol(page);
    notes(page, session.notes());
    page.h2("Timeline");
    page.p("muted", "Contact position on the back over time. Orange: tender spots held; green: the extension "
        + "hold; grey: off the roller; red: missing data; blue band: mid/upper back. " + review.frame().describe());
    page.chart(ChartImages.svg(timelineChart(), CHART_W, 330));
    page.raw("</section>\n<section class=\"page2\">\n");
    page.h2("Speed");
    page.p("muted", "Speed of the contact point along the back; dots are each pass's speed over rolling time (still periods cut out).");
    page.chart(ChartImages.svg(speedChart(), CHART_W, 200));
    page.h2("Where the time went on the back");
    page.p("muted", "Seconds spent at each centimetre while on the roller; darker is longer. "
        + "Dashed lines mark the tender spots (T1, T2, … as in the events) and the hold; blue band: mid/upper back.");
    page.chart(ChartImages.svg(timeAtPositionChart(), CHART_W, 170));
    tenderSpots(page, a);
    events(page, a, review.frame().directionKnown());
    quality(page, replay.quality(), GapTotals.of(a), gapsAt(a));
    page.raw("</section>\n");
    return page.finish("Roller Coach report · recording " + session.recording().getFileName()
        + " · times from the start of the recording");
  }

  public void write(Path out) throws IOException {
    Files.writeString(out, html());
  }

  /** The report as PDF (vector charts). */
  public void writePdf(Path out) throws IOException {
    PdfReport.write(html(), out);
  }

  /** The three charts as PNG files in {@code dir}; returns their paths. */
  public List<Path> writePngs(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path t = dir.resolve("timeline.png");
    Path s = dir.resolve("speed.png");
    Path p = dir.resolve("time-at-position.png");
    ChartImages.png(timelineChart(), t, 1200, 450);
    ChartImages.png(speedChart(), s, 1200, 320);
    ChartImages.png(timeAtPositionChart(), p, 1200, 280);
    return List.of(t, s, p);
  }

  private void keyNumbers(Page page, SessionAnalysis a) {
    var hold = a.holds().stream().max((x, y) -> Double.compare(x.durationS(), y.durationS()));
    double[] span = review.rollingSpan();
    page.openCards()
        .card("Rolls", String.valueOf(a.rolls()), targets.rollsMin() + "–" + targets.rollsMax())
        // no pass, no pace or range: "0.0 cm/s" read as a stand-still pace
        .card("Pace", a.passes().isEmpty() ? "–" : com.rollercoach.review.Measures.pace(a.paceCmS()), "while rolling")
        .card("Range", a.passes().isEmpty() ? "–" : com.rollercoach.review.Measures.range(a.rangeCm()), a.passes().isEmpty() ? "no passes"
            : review.frame().position(span[0]) + " to " + review.frame().position(span[1]))
        .card("Tender spots", String.valueOf(a.dwells().size()),
            Durations.clock(targets.dwellMinS()) + "–" + Durations.clock(targets.dwellMaxS()) + " each")
        .card("Extension hold", hold.map(h -> Durations.clock(h.durationS())).orElse("none"),
            "about " + Durations.clock(targets.holdTargetS()))
        .card("Breaths in hold", hold.map(h -> String.valueOf(h.breaths())).orElse("–"),
            hold.filter(h -> !Double.isNaN(h.breathsPerMin()))
                .map(h -> Page.fmt("%.1f per min", h.breathsPerMin())).orElse("deep and slow"))
        .card("Pain", pain(session.notes()), "0–10, before → after")
        .closeDiv();
  }

  static String pain(SessionNotes n) {
    if (n.painBefore().isEmpty() && n.painAfter().isEmpty()) return "not noted";
    return value(n.painBefore()) + " → " + value(n.painAfter());
  }

  private static String value(OptionalInt v) {
    return v.isPresent() ? String.valueOf(v.getAsInt()) : "?";
  }

  private void protocol(Page page) {
    page.h2("Against the prescription");
    verdictTable(page, verdicts);
  }

  static void verdictTable(Page page, List<Verdict> verdicts) {
    boolean[] num = {false, false, false, false};
    page.table(new String[] {"", "Done", "Prescribed", "Verdict"}, num);
    for (Verdict v : verdicts) {
      page.raw("<tr><td>" + Html.esc(v.topic()) + "</td><td>" + Html.esc(v.measured()) + "</td><td>"
          + Html.esc(v.target()) + "</td><td class=\"" + v.status().name() + "\">"
          + Html.esc(status(v)) + "</td></tr>\n");
    }
    page.endTable();
  }

  /** Topic, what was done and the verdict, for the half-width columns of the comparison. */
  static void compactVerdictTable(Page page, List<Verdict> verdicts) {
    boolean[] num = {false, false, false};
    page.table(new String[] {"", "Done", "Verdict"}, num);
    for (Verdict v : verdicts) {
      page.raw("<tr><td>" + Html.esc(v.topic()) + "</td><td>" + Html.esc(v.measured()) + "</td><td class=\""
          + v.status().name() + "\">" + Html.esc(status(v)) + "</td></tr>\n");
    }
    page.endTable();
  }

  static String status(Verdict v) {
    return switch (v.status()) {
      case MET -> "✓ met";
      case OFF_TARGET -> "! off target";
      case MISSING -> "✗ not done";
      case INFO -> "";
    };
  }

  private static void notes(Page page, SessionNotes n) {
    if (n.text().isEmpty()) return;
    page.h2("Notes");
    page.raw("<div class=\"note\">" + Html.esc(n.text()) + "</div>\n");
  }

  private void tenderSpots(Page page, SessionAnalysis a) {
    if (a.dwells().isEmpty()) return;
    page.h2("Tender spots on the back");
    boolean[] num = {false, true, true, false};
    page.table(new String[] {"", "Position", "Held", "Where"}, num);
    int n = 0;
    for (Dwell d : a.dwells()) {
      double pos = d.positionCm();
      String where = pos >= BackFrame.BAND_LOW_CM && pos <= BackFrame.BAND_HIGH_CM ? "mid/upper back"
          : review.frame().directionKnown() ? (pos > 0 ? "toward the neck" : "toward the low back")
          : "outside the mid/upper band";
      page.row("SPOT", num, "T" + ++n, review.frame().position(pos), Durations.clock(d.durationS()), where);
    }
    page.endTable();
  }

  private static void events(Page page, SessionAnalysis a, boolean directionKnown) {
    page.h2("Events");
    // Data gaps are summarised in one line under data quality (and shaded red on the timeline): a row
    // each ran a session with six gaps to three pages, and 26 gaps to 26 rows.
    eventTable(page, EventRow.condensed(a, directionKnown).stream().filter(r -> r.kind() != EventRow.Kind.GAP)
        .toList());
    if (!a.passes().isEmpty()) {
      page.raw("<details><summary>Every pass (" + a.passes().size() + ")</summary>\n");
      eventTable(page, EventRow.of(a).stream().filter(r -> r.kind() == EventRow.Kind.PASS).toList());
      page.raw("</details>\n");
    }
  }

  private static void eventTable(Page page, List<EventRow> rows) {
    boolean[] num = {false, true, true, true, true, false};
    page.table(new String[] {"Event", "Start", "End", "Duration", "Position (cm)", "Details"}, num);
    for (EventRow e : rows) {
      boolean instant = e.endS() == e.startS();
      page.row(e.kind().name(), num, e.label(), Durations.clock(e.startS()),
          instant ? "" : Durations.clock(e.endS()), instant ? "" : Durations.clock(e.durationS()),
          Double.isNaN(e.positionCm()) ? "" : com.rollercoach.core.NumberText.signed(e.positionCm(), 0), e.detail());
    }
    page.endTable();
  }

  /** Gaps listed in the data-quality line before "and N more". */
  static final int GAPS_LISTED = 6;

  /**
   * When the gaps were, compactly: "at 1:14 (0.9 s), 2:21 (0.9 s)" or "the 6 longest at …; 20 shorter" — the longest
   * {@value #GAPS_LISTED}, in time order ("" without gaps).
   */
  static String gapsAt(SessionAnalysis a) {
    List<double[]> gaps = a.gaps();
    if (gaps.isEmpty()) return "";
    List<double[]> shown = gaps.stream()
        .sorted(java.util.Comparator.comparingDouble((double[] g) -> g[0] - g[1]))
        .limit(GAPS_LISTED)
        .sorted(java.util.Comparator.comparingDouble((double[] g) -> g[0]))
        .toList();
    String list = shown.stream()
        .map(g -> Durations.clock(g[0] - a.startS()) + Page.fmt(" (%.1f s)", g[1] - g[0]))
        .collect(java.util.stream.Collectors.joining(", "));
    int more = gaps.size() - shown.size();
    return (more > 0 ? "the " + shown.size() + " longest at " : "at ") + list
        + (more > 0 ? "; " + more + " shorter" : "");
  }

  private void quality(Page page, DataQuality q, GapTotals gaps, String gapsAt) {
    page.h2("Device and data quality");
    boolean[] num = {false, false};
    page.table(new String[0], num);
    page.row("", num, "Device", session.device().isEmpty() ? "unknown" : session.device());
    page.row("", num, "Calibration", session.calibration());
    page.row("", num, "Direction toward the head", review.frame().directionKnown() ? "known (roller gesture)"
        : "unknown (no \"roll toward your head\" gesture for this roller)");
    page.row("", num, "Roller diameter", Page.fmt("%.1f cm", session.rollerDiameterCm()));
    page.row("", num, "Samples", Page.fmt("%d at %.0f Hz", q.samples(), q.nominalRateHz()));
    page.row("", num, "Completeness", Page.fmt("%.1f %% (%d samples missing)",
        100 * q.completeness(), q.missingSamples()));
    page.row("", num, "Gaps", gaps.count() == 0 ? "none" : Page.fmt("%d, %.1f s in total, longest %.1f s; ",
        gaps.count(), gaps.totalS(), gaps.longestS()) + gapsAt);
    page.row("", num, "Frames lost on the link",
        q.framesLost().isPresent() ? String.valueOf(q.framesLost().getAsLong()) : "not recorded (CSV)");
    if (q.crcFailures().isPresent()) {
      page.row("", num, "Checksum failures", String.valueOf(q.crcFailures().getAsLong()));
    }
    if (!q.recordingNote().isEmpty()) page.row("", num, "Recording", q.recordingNote());
    page.endTable();
  }
}

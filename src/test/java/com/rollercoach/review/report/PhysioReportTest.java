package com.rollercoach.review.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.calibration.CalibrationResolver;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.review.SyntheticSession;
import com.rollercoach.review.analysis.DataQuality;
import com.rollercoach.review.analysis.PositionTrace;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.analysis.Rolling;
import com.rollercoach.review.analysis.Verdict;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.patients.Patients;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The physio's reading of a report: prescriptions, non-overlapping events, the PDF, the comparison. */
class PhysioReportTest {
  @TempDir Path data;

  private static Verdict verdict(List<Verdict> v, String topic) {
    return v.stream().filter(x -> x.topic().equals(topic)).findFirst().orElseThrow(() -> new AssertionError(topic + " in " + v));
  }

  @Test
  void prescriptionsChangeVerdicts() {
    var entry = SessionReportTest.entry("Ann", SessionNotes.none());
    ReplayResult r = SyntheticSession.typical(); // 12 rolls, a 75 s tender spot, a 65 s hold, 8 s passes
    List<Verdict> protocol = new SessionReport(entry, r, Prescription.protocolDefault()).verdicts();
    assertEquals(Verdict.Status.MET, verdict(protocol, "Rolls").status());
    assertEquals(Verdict.Status.MET, verdict(protocol, "Extension hold").status());
    assertEquals(Verdict.Status.MET, verdict(protocol, "Tender spot").status());
    Prescription more = new Prescription(15, 25, 2, 4, 90, 150, 90, 5);
    List<Verdict> strict = new SessionReport(entry, r, more).verdicts();
    assertEquals(Verdict.Status.OFF_TARGET, verdict(strict, "Rolls").status(), verdict(strict, "Rolls").measured());
    assertTrue(verdict(strict, "Rolls").target().startsWith("15–25"));
    assertEquals(Verdict.Status.OFF_TARGET, verdict(strict, "Extension hold").status());
    assertEquals(Verdict.Status.OFF_TARGET, verdict(strict, "Tender spot").status());
    // 8 s passes: too quick for a 10–12 s prescription, fine for 2–4 s (slower is not a fault).
    assertEquals(Verdict.Status.MET, verdict(protocol, "Seconds per pass").status());
    // said once, by the status: "slower than prescribed (fine) (ok)" in sessions show
    assertTrue(verdict(protocol, "Seconds per pass").measured().endsWith("slower than prescribed"),
        verdict(protocol, "Seconds per pass").measured());
    Prescription slow = new Prescription(10, 20, 10, 12, 60, 120, 60, 3);
    List<Verdict> slowVerdicts = new SessionReport(entry, r, slow).verdicts();
    assertEquals(Verdict.Status.OFF_TARGET, verdict(slowVerdicts, "Seconds per pass").status());
    // The prescription judges the pace as seconds per pass; the cm/s pace inside the speed guard is
    // then information, never a "nice and slow" beside "too quick".
    Verdict pace = verdict(slowVerdicts, "Pace");
    assertEquals(Verdict.Status.INFO, pace.status(), pace.measured());
    assertTrue(pace.measured().startsWith("Pace ") && !pace.measured().contains("nice"), pace.measured());
  }

  @Test
  void thePrescriptionInForceOnTheSessionDateIsUsed() {
    Patients patients = Patients.open(data);
    // The synthetic entry is on 2026-11-02: a change on 2026-11-03 must not apply to it, one on 11-01 must.
    patients.prescribe("Ann", new Prescription(15, 25, 2, 4, 60, 120, 60, 3), LocalDate.of(2026, 11, 3));
    ReviewSessions reviews = new ReviewSessions(patients, new CalibrationResolver(List.of(data)), ZoneOffset.UTC);
    var entry = SessionReportTest.entry("Ann", SessionNotes.none());
    ReviewSession before = reviews.of(entry, SyntheticSession.typical());
    assertEquals(Prescription.protocolDefault(), before.prescription());
    assertEquals(Verdict.Status.MET, verdict(new SessionReport(before).verdicts(), "Rolls").status());
    patients.prescribe("Ann", new Prescription(14, 25, 2, 4, 60, 120, 60, 3), LocalDate.of(2026, 11, 1));
    ReviewSession after = reviews.of(entry, SyntheticSession.typical());
    assertEquals(14, after.prescription().rollsMin());
    assertEquals(LocalDate.of(2026, 11, 1), after.prescribedFrom().orElseThrow());
    SessionReport report = new SessionReport(after);
    assertEquals(Verdict.Status.OFF_TARGET, verdict(report.verdicts(), "Rolls").status());
    assertTrue(report.html().contains("Prescribed (since 2026-11-01): rolls 14–25"), "the page states it");
  }

  /**
   * A stroke interrupted by a 70 s tender spot: pass 2 runs 8 → 100 s around the dwell at 20–90 s. Its
   * rolling rows must end where the tender spot starts and resume after it, and its speed is over the
   * 22 s of rolling, not the 92 s span.
   */
  @Test
  void rollingStretchesAreSplitAtStillPeriodsAndPaceIsOverRollingOnly() {
    SessionAnalysis a = new SessionAnalysis(0, 120, List.<double[]>of(new double[] {0, 115}),
        List.of(new Pass(1, 0, 8, 0, 20), new Pass(2, 8, 100, 20, 0), new Pass(3, 100, 108, 0, 20)),
        1, List.of(new Dwell(20, 90, 12)), List.of(), 0.2, 20, List.of());
    List<EventRow> rows = EventRow.condensed(a);
    List<EventRow> rolling = rows.stream().filter(r -> r.kind() == EventRow.Kind.ROLLING).toList();
    EventRow dwell = rows.stream().filter(r -> r.kind() == EventRow.Kind.DWELL).findFirst().orElseThrow();
    assertEquals(2, rolling.size(), rows.toString());
    for (EventRow r : rolling) {
      assertTrue(r.endS() <= dwell.startS() + 1e-9 || r.startS() >= dwell.endS() - 1e-9, r + " overlaps " + dwell);
    }
    assertEquals(20, rolling.get(0).endS(), 1e-9);
    assertEquals(90, rolling.get(1).startS(), 1e-9);
    assertTrue(rolling.get(0).detail().startsWith("Passes 1–2"), rolling.get(0).detail());
    assertTrue(rolling.get(1).detail().startsWith("Passes 2–3"), rolling.get(1).detail());
    List<double[]> pauses = Rolling.pauses(a);
    assertEquals(20 / 22.0, Rolling.speed(a.passes().get(1), pauses), 1e-9);
    assertEquals(20 / 8.0, Rolling.pace(a), 1e-9); // median of 2.5, 0.91, 2.5
    EventRow pass2 = EventRow.of(a).stream().filter(r -> r.label().equals("Pass 2")).findFirst().orElseThrow();
    assertTrue(pass2.detail().contains("at 0.9 cm/s (70 s of it still or off)"), pass2.detail());
  }

  /**
   * `report --pdf --out LINK` replaced the link with the PDF (the write's rename), leaving the file it
   * pointed at unchanged; run as root with --out /dev/full --force it replaced the device node.
   */
  @Test
  void aPdfWrittenThroughALinkLandsWhereTheLinkPoints(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    var entry = SessionReportTest.entry("Ann", new SessionNotes(OptionalInt.empty(), OptionalInt.empty(), ""));
    SessionReport report = new SessionReport(entry, SyntheticSession.typical(), Prescription.protocolDefault());
    Path real = java.nio.file.Files.writeString(dir.resolve("last-week.pdf"), "old");
    Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("report.pdf"), real);
    report.writePdf(link);
    assertTrue(java.nio.file.Files.isSymbolicLink(link), "the link was replaced by the PDF");
    assertTrue(java.nio.file.Files.readString(real, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    try (var files = java.nio.file.Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file left");
    }
  }

  @Test
  void pdfHasVectorChartsAndFitsTwoPages() throws Exception {
    var entry = SessionReportTest.entry("Ann", new SessionNotes(OptionalInt.of(6), OptionalInt.of(3),
        "Tender left of T6; better after the hold."));
    String html = new SessionReport(entry, SyntheticSession.typical(), Prescription.protocolDefault()).html();
    byte[] pdf = PdfReport.bytes(html);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertTrue(doc.getNumberOfPages() >= 1 && doc.getNumberOfPages() <= 2, doc.getNumberOfPages() + " pages");
      int paths = 0;
      int images = 0;
      for (PDPage page : doc.getPages()) {
        paths += pathOperators(page);
        for (COSName n : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(n) instanceof PDImageXObject) images++;
        }
      }
      assertEquals(0, images, "charts are not pictures");
      // The timeline alone has ~1500 trace points and 25 pass marks: thousands of path segments.
      assertTrue(paths > 1500, paths + " path operators");
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Against the prescription"), "report text");
      assertTrue(text.contains("Tender left of T6"), "notes in the PDF");
      assertTrue(text.contains("6 → 3"), "pain in the PDF");
    }
  }

  /** Line-to, curve and rectangle operators in a page's content, including its form XObjects. */
  private static int pathOperators(PDPage page) throws Exception {
    int n = 0;
    PDFStreamParser parser = new PDFStreamParser(page);
    for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
      if (token instanceof Operator op && (op.getName().equals("l") || op.getName().equals("c")
          || op.getName().equals("re"))) n++;
    }
    for (COSName name : page.getResources().getXObjectNames()) {
      if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject f) {
        PDFStreamParser p = new PDFStreamParser(f);
        for (Object token = p.parseNextToken(); token != null; token = p.parseNextToken()) {
          if (token instanceof Operator op && (op.getName().equals("l") || op.getName().equals("c")
              || op.getName().equals("re"))) n++;
        }
      }
    }
    return n;
  }

  @Test
  void comparisonPutsBothSessionsOnTheSameBackFrame() throws Exception {
    var a = ReviewSession.plain(SessionReportTest.entry("Ann", new SessionNotes(OptionalInt.of(6), OptionalInt.of(4), "")),
        SyntheticSession.typical(), Prescription.protocolDefault());
    var b = ReviewSession.plain(SessionReportTest.entry("Ann", SessionNotes.none()), shifted(SyntheticSession.typical(), 5),
        Prescription.protocolDefault());
    CompareReport c = new CompareReport(a, b);
    Map<String, String[]> rows = new java.util.HashMap<>();
    for (String[] r : c.rows()) rows.put(r[0], r);
    // Shifted by 5 cm as a whole, both are measured from their own hold: the same spots on the back.
    assertEquals(rows.get("Tender spots")[1], rows.get("Tender spots")[2]);
    assertEquals("20 cm (1:15)", rows.get("Tender spots")[1]);
    assertEquals("6 → 4", rows.get("Pain before → after")[1]);
    assertEquals("not noted", rows.get("Pain before → after")[2]);
    // the checks read as everywhere else ("5/7"), from the one judge
    assertEquals(Checks.of(a).fraction(), rows.get("Checks met")[1]);
    assertEquals(Checks.of(b).fraction(), rows.get("Checks met")[2]);
    String html = c.html();
    assertTrue(html.contains("id='compare-time-at-position'") && html.contains("id='timeline-b'"));
    assertTrue(html.contains("direction unknown"));
    try (PDDocument doc = Loader.loadPDF(PdfReport.bytes(html))) {
      assertTrue(doc.getNumberOfPages() <= 2, doc.getNumberOfPages() + " pages");
    }
  }

  /** The same session with every position moved by {@code cm} (the patient started elsewhere). */
  private static ReplayResult shifted(ReplayResult r, double cm) {
    PositionTrace t = new PositionTrace(r.trace().intervalS());
    for (int i = 0; i < r.trace().size(); i++) {
      t.add(r.trace().timeS(i), r.trace().positionCm(i) + cm, r.trace().speedCmS(i), r.trace().onRoller(i));
    }
    SessionAnalysis a = r.analysis();
    SessionAnalysis s = new SessionAnalysis(a.startS(), a.endS(), a.onPeriods(),
        a.passes().stream().map(p -> new Pass(p.index(), p.startS(), p.endS(), p.fromCm() + cm, p.toCm() + cm)).toList(),
        a.rolls(), a.dwells().stream().map(d -> new Dwell(d.startS(), d.endS(), d.positionCm() + cm)).toList(),
        a.holds().stream().map(h -> new com.rollercoach.core.detect.ExtensionHold(h.startS(), h.endS(),
            h.positionCm() + cm, h.breaths(), h.breathsPerMin())).toList(),
        a.paceCmS(), a.rangeCm(), a.gaps());
    return new ReplayResult(new SessionMetadata(Map.of()), s, t, new DataQuality(1, 200, 1, 0, 0, 0,
        OptionalLong.empty(), OptionalLong.empty()), null);
  }
}

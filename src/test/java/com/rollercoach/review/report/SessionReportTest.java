package com.rollercoach.review.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.review.SyntheticSession;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.library.SessionSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SessionReportTest {
  static final String HOSTILE = "<script>alert(1)</script>";

  @TempDir Path tmp;

  static SessionEntry entry(String patient, SessionNotes notes) {
    SessionSummary s = new SessionSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0);
    return new SessionEntry("20261102-080000-abcd1234", patient, Instant.parse("2026-11-02T08:00:00Z"),
        "roller-42 \"<b>\"", "self-calibrating", 15, Path.of("sessions/x.csv"), s, notes);
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element svgWithId(Document doc, String id) {
    NodeList svgs = doc.getElementsByTagName("svg");
    for (int i = 0; i < svgs.getLength(); i++) {
      Element e = (Element) svgs.item(i);
      if (id.equals(e.getAttribute("id"))) return e;
    }
    throw new AssertionError("no <svg id=\"" + id + "\">");
  }

  private static String text(Element e) {
    return e.getTextContent();
  }

  @Test
  void reportIsWellFormedAndEscapesEveryUserText() throws Exception {
    SessionNotes notes = new SessionNotes(OptionalInt.of(7), OptionalInt.of(4), HOSTILE + " & more");
    String html = new SessionReport(entry(HOSTILE, notes), SyntheticSession.typical(),
        Prescription.protocolDefault()).html();

    Document doc = parse(html); // throws if the page is not well-formed
    assertEquals(0, doc.getElementsByTagName("script").getLength(), "no script element, ever");
    assertFalse(html.contains(HOSTILE));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(doc.getElementsByTagName("title").item(0).getTextContent().contains(HOSTILE),
        "the escaped name reads back as the original text");
    assertTrue(text(doc.getDocumentElement()).contains("roller-42 \"<b>\""));
    assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "no external assets");
    assertFalse(html.contains("<link"), "no external stylesheet");
  }

  @Test
  void svgChartsCarryTheSeriesAndTheEventMarks() throws Exception {
    ReplayResult r = SyntheticSession.typical();
    Document doc = parse(new SessionReport(entry("Ann", SessionNotes.none()), r,
        Prescription.protocolDefault()).html());

    Element timeline = svgWithId(doc, "timeline");
    String t = text(timeline);
    assertTrue(t.contains(SessionCharts.POSITION), "legend names the position series");
    assertTrue(t.contains(SessionCharts.PASS_ENDS));
    assertTrue(t.contains("Tender 1") && t.contains("Hold"), t);
    assertEquals(SyntheticSession.PASSES + 1, seriesShapes(timeline, SessionCharts.PASS_ENDS),
        "one dot per turning point");

    String speed = text(svgWithId(doc, "speed"));
    assertTrue(speed.contains(SessionCharts.SPEED) && speed.contains("target pace"), speed);
    assertEquals(SyntheticSession.PASSES, seriesShapes(svgWithId(doc, "speed"), SessionCharts.PASS_SPEED));

    String strip = text(svgWithId(doc, "time-at-position"));
    assertTrue(strip.contains("T1") && strip.contains("Hold"), strip);
  }

  @Test
  void eventTableAndVerdictsFollowTheAnalysis() throws Exception {
    Document doc = parse(new SessionReport(entry("Ann", SessionNotes.none()),
        SyntheticSession.typical(), Prescription.protocolDefault()).html());
    List<String> kinds = new ArrayList<>();
    NodeList rows = doc.getElementsByTagName("tr");
    for (int i = 0; i < rows.getLength(); i++) {
      String c = ((Element) rows.item(i)).getAttribute("class");
      if (!c.isEmpty()) kinds.add(c);
    }
    assertEquals(SyntheticSession.PASSES, kinds.stream().filter("PASS"::equals).count());
    assertEquals(1, kinds.stream().filter("DWELL"::equals).count());
    assertEquals(1, kinds.stream().filter("HOLD"::equals).count());
    // the gap is summed up under data quality (a row each ran sessions with many gaps to three pages)
    assertEquals(0, kinds.stream().filter("GAP"::equals).count());
    String page = doc.getDocumentElement().getTextContent();
    assertTrue(page.replaceAll("\\s+", " ").matches(".*Gaps ?1, [0-9.]+ s in total, longest [0-9.]+ s; at \\d+:\\d\\d \\([0-9.]+ s\\).*"),
        "the gap, when and how long, in the data-quality line");
    assertTrue(page.contains("12 rolls: within the 10–20 target."), "rolls verdict");
    assertTrue(page.contains("Tender spot at 20 cm, held 1:15 min: good."), "dwell verdict");
    assertTrue(page.contains("Extension hold 1:05 min: well done."), "hold verdict");
    assertTrue(page.contains("9 breaths during the hold"), "breaths");
    // the verdict's rate is the card's, to the same decimal (it said 7 beside the card's 6.5)
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("breaths during the hold \\((\\d+\\.\\d) per minute\\)").matcher(page);
    assertTrue(m.find(), "verdict's rate");
    String rate = m.group(1) + " per min";
    assertTrue(page.indexOf(rate) != page.lastIndexOf(rate), "the card shows " + rate + " too");
  }

  /** Tender spots 1 cm apart and the hold between them: each label on a row of its own, none hidden. */
  @Test
  void labelsOfNeighbouringTenderSpotsAndTheHoldDoNotOverlap() {
    ReplayResult r = SyntheticSession.typical();
    var a = r.analysis();
    var dwells = List.of(new com.rollercoach.core.detect.Dwell(100, 180, 5.0),
        new com.rollercoach.core.detect.Dwell(200, 280, 6.0));
    var holds = List.of(new com.rollercoach.core.detect.ExtensionHold(300, 360, 5.5, 9, 9));
    var close = new com.rollercoach.core.detect.SessionAnalysis(a.startS(), a.endS(), a.onPeriods(), a.passes(),
        a.rolls(), dwells, holds, a.paceCmS(), a.rangeCm(), a.gaps());
    var plot = SessionCharts.timeAtPosition(close, r.trace()).getXYPlot();
    List<org.jfree.chart.plot.Marker> markers = new java.util.ArrayList<>();
    for (Object m : plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
      if (((org.jfree.chart.plot.Marker) m).getLabel() != null) markers.add((org.jfree.chart.plot.Marker) m);
    }
    assertEquals(3, markers.size(), markers.toString());
    assertEquals(3, markers.stream().map(m -> m.getLabelOffset().getTop()).distinct().count(),
        "T1, Hold and T2 at 5, 5.5 and 6 cm each on their own row");
  }

  @Test
  void missingHoldIsAVerdictNotAnError() throws Exception {
    Document doc = parse(new SessionReport(entry("Ann", SessionNotes.none()),
        SyntheticSession.build(6, false), Prescription.protocolDefault()).html());
    String page = doc.getDocumentElement().getTextContent();
    assertTrue(page.contains("✗ not done"));
  }

  @Test
  void writesPngCharts() throws Exception {
    var pngs = new SessionReport(entry("Ann", SessionNotes.none()), SyntheticSession.typical(),
        Prescription.protocolDefault()).writePngs(tmp);
    assertEquals(3, pngs.size());
    for (Path p : pngs) {
      byte[] head = Files.readAllBytes(p);
      assertTrue(head.length > 5000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', p.toString());
    }
  }

  /** Shapes drawn inside the element group JFreeChart's element hinting opens for a series. */
  private static int seriesShapes(Element svg, String seriesKey) {
    NodeList groups = svg.getElementsByTagName("g");
    int count = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("jfreesvg:ref").contains("\"series\":\"" + seriesKey + "\"")) count++;
    }
    return count;
  }
}

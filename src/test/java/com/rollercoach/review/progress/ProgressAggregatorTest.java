package com.rollercoach.review.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.library.SessionSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** Expected values below are worked out by hand from the five sessions. */
class ProgressAggregatorTest {
  static SessionEntry session(String id, String when, int rolls, double pace, double range,
      double holdS, int breaths, Integer painBefore, Integer painAfter) {
    SessionSummary s = new SessionSummary(600, 500, rolls * 2, rolls, pace, range, 0, holdS, breaths,
        Double.NaN, 0, 0);
    SessionNotes n = new SessionNotes(
        painBefore == null ? OptionalInt.empty() : OptionalInt.of(painBefore),
        painAfter == null ? OptionalInt.empty() : OptionalInt.of(painAfter), "");
    return new SessionEntry(id, "Ann", Instant.parse(when), "", "", 15, Path.of(id + ".csv"), s, n);
  }

  static final List<SessionEntry> SESSIONS = List.of(
      session("A", "2026-11-02T08:00:00Z", 10, 2.0, 20, 60, 8, 6, 4),
      session("B", "2026-11-04T08:00:00Z", 14, 3.0, 24, 0, 0, 5, 3),
      session("C", "2026-11-06T08:00:00Z", 12, 2.5, 22, 70, 10, null, null),
      session("D", "2026-11-12T08:00:00Z", 16, 2.2, 18, 50, 6, 4, 2),
      session("E", "2026-10-30T08:00:00Z", 99, 9.9, 99, 999, 99, 9, 9));

  static final Map<String, List<double[]>> DWELLS = Map.of(
      "A", List.of(new double[] {100, 160, 10.0}),
      "B", List.of(new double[] {100, 190, 11.0}, new double[] {300, 330, 25.0}),
      "D", List.of(new double[] {50, 170, 12.5}),
      "E", List.of(new double[] {0, 60, 11.0}));

  static ProgressData aggregate() {
    return new ProgressAggregator(Prescription.defaults(), ZoneOffset.UTC)
        .aggregate("Ann", SESSIONS, DWELLS, LocalDate.parse("2026-11-15"), 2);
  }

  @Test
  void weeksAggregateTheirOwnSessionsOnly() {
    ProgressData p = aggregate();
    assertEquals(List.of("C", "B", "A", "D").size(), p.sessions().size(), "E is before the span");
    assertEquals(List.of("A", "B", "C", "D"), p.sessions().stream().map(SessionEntry::id).toList());
    assertEquals(2, p.weeks().size());

    WeekStats w1 = p.weeks().get(0);
    assertEquals(LocalDate.parse("2026-11-02"), w1.monday());
    assertEquals(3, w1.sessions());
    assertTrue(w1.metPrescription());
    assertEquals(12.0, w1.meanRolls(), 1e-9);
    assertEquals(2.5, w1.meanPaceCmS(), 1e-9);
    assertEquals(22.0, w1.meanRangeCm(), 1e-9);
    assertEquals(3, w1.dwells());
    assertEquals(130.0 / 3, w1.meanHoldS(), 1e-9);
    assertEquals(9.0, w1.meanBreaths(), 1e-9, "breaths only over sessions with a hold");
    assertEquals(5.5, w1.meanPainBefore(), 1e-9, "C has no pain noted and is left out");
    assertEquals(3.5, w1.meanPainAfter(), 1e-9);

    WeekStats w2 = p.weeks().get(1);
    assertEquals(LocalDate.parse("2026-11-09"), w2.monday());
    assertEquals(1, w2.sessions());
    assertFalse(w2.metPrescription());
    assertEquals(16.0, w2.meanRolls(), 1e-9);
    assertEquals(50.0, w2.meanHoldS(), 1e-9);
    assertEquals(4.0, w2.meanPainBefore(), 1e-9);
    assertEquals(1, p.weeksOnTarget());
  }

  @Test
  void emptyWeeksHaveNoMeans() {
    ProgressData p = new ProgressAggregator(Prescription.defaults(), ZoneOffset.UTC)
        .aggregate("Ann", SESSIONS, DWELLS, LocalDate.parse("2026-11-29"), 4);
    WeekStats empty = p.weeks().get(3);
    assertEquals(0, empty.sessions());
    assertTrue(Double.isNaN(empty.meanRolls()));
  }

  @Test
  void dwellsWithinThreeCentimetresAreOneRecurringSpot() {
    List<TenderSpot> spots = aggregate().spots();
    assertEquals(2, spots.size());
    TenderSpot first = spots.get(0);
    assertEquals((10.0 + 11.0 + 12.5) / 3, first.positionCm(), 1e-9);
    assertEquals(3, first.sessions());
    assertEquals(3, first.dwells());
    assertEquals(90.0, first.meanDurationS(), 1e-9);
    assertEquals(Instant.parse("2026-11-02T08:00:00Z"), first.firstSeen());
    assertEquals(Instant.parse("2026-11-12T08:00:00Z"), first.lastSeen());
    assertEquals(25.0, spots.get(1).positionCm(), 1e-9);
    assertEquals(1, spots.get(1).sessions());
  }

  @Test
  void progressPageIsWellFormedWithAChartPerTopic() throws Exception {
    String html = new ProgressReport(aggregate(), CoachingTargets.defaults(), ZoneOffset.UTC).html();
    var f = DocumentBuilderFactory.newInstance();
    var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    var svgs = doc.getElementsByTagName("svg");
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < svgs.getLength(); i++) ids.add(((org.w3c.dom.Element) svgs.item(i)).getAttribute("id"));
    assertEquals(java.util.Set.of("sessions-per-week", "rolls", "pace", "range", "tender-spots", "hold", "pain"), ids);
    String text = doc.getDocumentElement().getTextContent();
    assertTrue(text.contains("spot 1: 3 sessions"), "recurring spot marked on the chart");
    assertTrue(text.contains("1 / 2"), "weeks on target card");
  }

  /** A page of all patients names each session's patient; one patient's page does not repeat it. */
  @Test
  void theSessionsTableOfAllPatientsSaysWhoseEachSessionIs() throws Exception {
    ProgressData all = new ProgressAggregator(Prescription.defaults(), ZoneOffset.UTC)
        .aggregate(null, SESSIONS, DWELLS, LocalDate.parse("2026-11-15"), 2);
    String html = new ProgressReport(all, CoachingTargets.defaults(), ZoneOffset.UTC).html();
    int table = html.indexOf("<h2>Sessions</h2>");
    String sessions = html.substring(table, html.indexOf("</table>", table));
    assertTrue(sessions.contains("<th>Date</th><th>Patient</th>"), sessions);
    assertEquals(4, sessions.split("<td>Ann</td>", -1).length - 1, sessions);
    String one = new ProgressReport(aggregate(), CoachingTargets.defaults(), ZoneOffset.UTC).html();
    int t1 = one.indexOf("<h2>Sessions</h2>");
    assertFalse(one.substring(t1, one.indexOf("</table>", t1)).contains("Patient"));
  }

  /**
   * The week table's tender spots are the week's count (3 in the week of A, B and C: 1 + 2 + 0), not a
   * mean as its footnote said of every value.
   */
  @Test
  void theWeekTableSaysItsTenderSpotsAreACountNotAMean() throws Exception {
    String html = new ProgressReport(aggregate(), CoachingTargets.defaults(), ZoneOffset.UTC).html();
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    var rows = doc.getElementsByTagName("tr");
    org.w3c.dom.Element header = null;
    org.w3c.dom.Element firstWeek = null;
    for (int i = 0; i < rows.getLength(); i++) {
      var r = (org.w3c.dom.Element) rows.item(i);
      if (r.getTextContent().startsWith("Week of")) {
        header = r;
        firstWeek = (org.w3c.dom.Element) rows.item(i + 1);
        break;
      }
    }
    assertTrue(header != null, "no week table");
    var heads = header.getElementsByTagName("th");
    int col = -1;
    for (int i = 0; i < heads.getLength(); i++) {
      if (heads.item(i).getTextContent().startsWith("Tender spots")) col = i;
    }
    assertEquals("Tender spots (total)", heads.item(col).getTextContent());
    assertEquals("3", firstWeek.getElementsByTagName("td").item(col).getTextContent());
    assertFalse(doc.getDocumentElement().getTextContent().contains("Values are means over the week's sessions"));
  }

  /** The week that has not ended is in progress: not shaded as missed, not in the on-target ratio. */
  @Test
  void theCurrentWeekIsInProgressNotMissed() throws Exception {
    // 2026-11-15 is a Sunday: its week (Mon 9th – Sun 15th) is short of the prescription; "today" is its Thursday.
    ProgressData p = new ProgressAggregator(Prescription.defaults(), ZoneOffset.UTC)
        .aggregate("Ann", SESSIONS, DWELLS, LocalDate.parse("2026-11-15"), 2, LocalDate.parse("2026-11-12"));
    WeekStats current = p.weeks().get(1);
    assertTrue(current.inProgress());
    assertFalse(current.missed());
    assertFalse(p.weeks().get(0).inProgress());
    assertEquals(1, p.weeksEnded());
    String html = new ProgressReport(p, CoachingTargets.defaults(), ZoneOffset.UTC).html();
    assertFalse(html.contains("class=\"GAP\""), "the week in progress is not shaded as missed");
    assertTrue(html.contains("(in progress)"), html);
    String text = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getTextContent();
    assertTrue(text.contains("Weeks on target1 / 1") || text.contains("1 / 1"), "ratio over ended weeks only");

    // The day after that Sunday the week has ended: it counts, and it was missed.
    ProgressData later = new ProgressAggregator(Prescription.defaults(), ZoneOffset.UTC)
        .aggregate("Ann", SESSIONS, DWELLS, LocalDate.parse("2026-11-15"), 2, LocalDate.parse("2026-11-16"));
    assertTrue(later.weeks().get(1).missed());
    assertEquals(2, later.weeksEnded());
  }
}

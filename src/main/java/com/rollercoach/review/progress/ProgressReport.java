package com.rollercoach.review.progress;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.review.analysis.Durations;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.report.ChartImages;
import com.rollercoach.review.report.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The progress page: a patient's sessions over weeks, as charts and tables, one HTML file. */
public final class ProgressReport {
  private static final int W = 980;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final ProgressData data;
  private final ProgressCharts charts;
  private final ZoneId zone;

  public ProgressReport(ProgressData data, CoachingTargets targets, ZoneId zone) {
    this(data, day -> targets, zone);
  }

  /** {@code targetsOn}: the targets in force on a day (each week is drawn against its own). */
  public ProgressReport(ProgressData data,
      java.util.function.Function<java.time.LocalDate, CoachingTargets> targetsOn, ZoneId zone) {
    this.data = data;
    this.charts = new ProgressCharts(data, targetsOn, zone);
    this.zone = zone;
  }

  private String frameNote = "Positions are cm from where rolling started in each session (direction "
      + "unknown), so they compare well only when the patient starts at the same place.";
  private String prescriptionLine = "";
  private java.util.Map<String, String> checks = java.util.Map.of();

  /** Says which landmark and direction the tender-spot positions use (the page states it). */
  public ProgressReport frameNote(String note) {
    this.frameNote = note;
    return this;
  }

  /** The patient's prescription, as the page states it ("since …"). */
  public ProgressReport prescriptionLine(String line) {
    this.prescriptionLine = line;
    return this;
  }

  /** "met / judged" per session id against the prescription in force on its date. */
  public ProgressReport checks(java.util.Map<String, String> byId) {
    this.checks = byId;
    return this;
  }

  public String html() {
    String who = data.patient() == null ? "all patients" : data.patient();
    Page page = new Page("Foam rolling progress: " + who);
    page.h1("Foam rolling progress: " + who);
    var weeks = data.weeks();
    String span = weeks.isEmpty() ? "" : DATE.format(weeks.get(0).monday()) + " to "
        + DATE.format(weeks.get(weeks.size() - 1).monday().plusDays(6));
    page.p("sub", weeks.size() + " weeks, " + span + " · prescribed "
        + data.prescription().sessionsPerWeek() + " sessions a week");
    if (!prescriptionLine.isEmpty()) page.p("rx", prescriptionLine);
    cards(page);
    page.h2("How often");
    page.chart(ChartImages.svg(charts.sessionsPerWeek(), W, 220));
    page.h2("Rolling");
    page.chart(ChartImages.svg(charts.rolls(), W, 220));
    page.chart(ChartImages.svg(charts.pace(), W, 220));
    page.chart(ChartImages.svg(charts.range(), W, 200));
    page.h2("Tender spots: do they stay tender?");
    page.p("muted", "Each dot is a spot the patient held still on (a dwell), by session. " + frameNote);
    page.chart(ChartImages.svg(charts.tenderSpots(), W, 240));
    spotsTable(page);
    page.h2("Extension hold and breathing");
    page.chart(ChartImages.svg(charts.hold(), W, 220));
    page.h2("Pain");
    page.chart(ChartImages.svg(charts.pain(), W, 220));
    weeksTable(page);
    sessionsTable(page);
    return page.finish("Roller Coach progress report · " + data.sessions().size() + " sessions");
  }

  public void write(Path out) throws IOException {
    Files.writeString(out, html());
  }

  private void cards(Page page) {
    List<SessionEntry> s = data.sessions();
    int prescribed = data.sessionsPrescribed();
    page.openCards()
        .card("Sessions", String.valueOf(s.size()), "of " + prescribed + " prescribed")
        .card("Weeks on target", data.weeksOnTarget() + " / " + data.weeksEnded(),
            data.prescription().sessionsPerWeek() + "+ sessions a week"
                + (data.weeks().stream().anyMatch(WeekStats::inProgress) ? "; this week still in progress" : ""))
        .card("Rolls", s.isEmpty() ? "–" : Page.fmt("%.0f",
            s.stream().mapToInt(e -> e.summary().rolls()).average().orElse(0)), "mean per session")
        .card("Holds done", s.stream().filter(e -> e.summary().holdS() > 0).count() + " / " + s.size(),
            "sessions with an extension hold")
        .card("Recurring spots", String.valueOf(data.spots().stream().filter(t -> t.sessions() >= 2).count()),
            "tender in 2+ sessions")
        .card("Pain", painTrend(s), "first → latest, before rolling")
        .closeDiv();
  }

  private static String painTrend(List<SessionEntry> s) {
    List<Integer> p = s.stream().filter(e -> e.notes().painBefore().isPresent())
        .map(e -> e.notes().painBefore().getAsInt()).toList();
    return p.isEmpty() ? "not noted" : p.get(0) + " → " + p.get(p.size() - 1);
  }

  private void spotsTable(Page page) {
    if (data.spots().isEmpty()) {
      page.p("muted", "No tender spots were held in these weeks.");
      return;
    }
    boolean[] num = {false, true, true, true, true, false};
    page.table(new String[] {"Spot", "Position (cm)", "Sessions", "Dwells", "Mean hold", "Seen"}, num);
    int n = 0;
    for (TenderSpot t : data.spots()) {
      page.row(t.sessions() >= 2 ? "DWELL" : "", num, "Spot " + ++n, com.rollercoach.core.NumberText.signed(t.positionCm(), 0),
          String.valueOf(t.sessions()), String.valueOf(t.dwells()), Durations.clock(t.meanDurationS()),
          DATE.format(t.firstSeen().atZone(zone)) + (t.sessions() > 1
              ? " – " + DATE.format(t.lastSeen().atZone(zone)) : ""));
    }
    page.endTable();
  }

  private void weeksTable(Page page) {
    page.h2("Week by week");
    boolean[] num = {false, true, true, true, true, true, true, true, true};
    page.table(new String[] {"Week of", "Sessions", "Rolls", "Pace (cm/s)", "Range (cm)",
        "Tender spots (total)", "Hold", "Breaths", "Pain before → after"}, num);
    for (WeekStats w : data.weeks()) {
      page.row(w.missed() ? "GAP" : "", num, DATE.format(w.monday()),
          w.beforeStart() ? "– (not started)"
              : w.sessions() + " / " + w.prescribed() + (w.inProgress() ? " (in progress)" : ""), f0(w.meanRolls()), f1(w.meanPaceCmS()),
          com.rollercoach.review.Measures.rangeNumber(w.meanRangeCm()), String.valueOf(w.dwells()),
          Double.isNaN(w.meanHoldS()) ? "" : Durations.clock(w.meanHoldS()), f0(w.meanBreaths()),
          Double.isNaN(w.meanPainBefore()) && Double.isNaN(w.meanPainAfter()) ? ""
              : f1(w.meanPainBefore()) + " → " + f1(w.meanPainAfter()));
    }
    page.endTable();
    page.p("muted", "Ended weeks below the prescription are shaded; the current week is in progress until it ends; weeks before the first session (or prescription) are not counted. Tender spots are counted over the week; "
        + "the other values are means over the week's sessions.");
  }

  private void sessionsTable(Page page) {
    page.h2("Sessions");
    // a page of all patients says whose each session is (its rows had no name)
    boolean all = data.patient() == null;
    boolean[] num = all ? new boolean[] {false, false, true, true, true, false, true, true, true, false}
        : new boolean[] {false, true, true, true, false, true, true, true, false};
    List<String> heads = new java.util.ArrayList<>(List.of("Date", "Rolls", "Pace (cm/s)", "Range (cm)",
        "Tender spots (cm)", "Hold", "Breaths", "Checks met", "Pain / note"));
    if (all) heads.add(1, "Patient");
    page.table(heads.toArray(String[]::new), num);
    for (SessionEntry e : data.sessions()) {
      var s = e.summary();
      String spots = data.dwells().getOrDefault(e.id(), List.of()).stream()
          .map(d -> com.rollercoach.core.NumberText.signed(d[2], 0) + " (" + Durations.clock(d[1] - d[0]) + ")")
          .collect(Collectors.joining(", "));
      String pain = e.notes().painBefore().isEmpty() && e.notes().painAfter().isEmpty() ? ""
          : (e.notes().painBefore().isPresent() ? e.notes().painBefore().getAsInt() : "?") + " → "
              + (e.notes().painAfter().isPresent() ? e.notes().painAfter().getAsInt() : "?");
      String note = e.notes().text().isEmpty() ? pain : (pain.isEmpty() ? "" : pain + " · ") + e.notes().text();
      List<String> cells = new java.util.ArrayList<>(List.of(DAY.format(e.startedAt().atZone(zone)),
          String.valueOf(s.rolls()), com.rollercoach.review.Measures.paceNumber(s.paceCmS()),
          com.rollercoach.review.Measures.rangeNumber(s.rangeCm()), spots,
          s.holdS() > 0 ? Durations.clock(s.holdS()) : "none",
          s.holdS() > 0 ? String.valueOf(s.breaths()) : "",
          checks.getOrDefault(e.id(), "–"),
          note));
      if (all) cells.add(1, e.patient());
      page.row("", num, cells.toArray(String[]::new));
    }
    page.endTable();
  }

  private static String f0(double v) {
    return Double.isNaN(v) ? "" : Page.fmt("%.0f", v);
  }

  private static String f1(double v) {
    return Double.isNaN(v) ? "" : Page.fmt("%.1f", v);
  }
}

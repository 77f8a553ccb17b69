package com.rollercoach.review.progress;

import com.rollercoach.review.library.SessionEntry;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/** Aggregates a patient's sessions by calendar week and finds tender spots that recur. */
public final class ProgressAggregator {
  /**
   * Dwells within 3 cm of each other are the same spot: the same band the definitions use for
   * "still", and about the spacing of two thoracic spinous processes (~2.5 cm in adults).
   */
  public static final double SPOT_WIDTH_CM = 3.0;

  private final Prescription prescription;
  private final java.util.function.ToIntFunction<LocalDate> perWeek;
  private final ZoneId zone;

  public ProgressAggregator(Prescription prescription, ZoneId zone) {
    this(prescription, monday -> prescription.sessionsPerWeek(), zone);
  }

  /**
   * @param prescription what the page states as the prescription (the latest in force)
   * @param perWeek sessions prescribed for the week starting on a Monday: the patient's prescription
   *     in force that week, so a changed prescription shades only the weeks after it
   */
  public ProgressAggregator(Prescription prescription, java.util.function.ToIntFunction<LocalDate> perWeek,
      ZoneId zone) {
    this.prescription = prescription;
    this.perWeek = perWeek;
    this.zone = zone;
  }

  /**
   * @param sessions the patient's sessions (any order); those outside the weeks are ignored
   * @param dwells dwells by session id, as [startS, endS, positionCm]
   * @param lastDay a day in the last week to show
   * @param weekCount how many weeks, ending with the week of {@code lastDay}
   */
  public ProgressData aggregate(String patient, List<SessionEntry> sessions,
      Map<String, List<double[]>> dwells, LocalDate lastDay, int weekCount) {
    return aggregate(patient, sessions, dwells, lastDay, weekCount, LocalDate.now(zone));
  }

  /**
   * @param today a week that has not ended by {@code today} (its Sunday is today or later) is in
   *     progress: shown as such, never as missed
   */
  public ProgressData aggregate(String patient, List<SessionEntry> sessions,
      Map<String, List<double[]>> dwells, LocalDate lastDay, int weekCount, LocalDate today) {
    LocalDate lastMonday = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstMonday = lastMonday.minusWeeks(weekCount - 1L);
    Instant[] span = span(lastDay, weekCount);
    Instant from = span[0];
    Instant to = span[1];
    List<SessionEntry> inSpan = sessions.stream()
        .filter(s -> !s.startedAt().isBefore(from) && s.startedAt().isBefore(to))
        .sorted(Comparator.comparing(SessionEntry::startedAt))
        .toList();
    List<WeekStats> weeks = new ArrayList<>();
    for (int w = 0; w < weekCount; w++) {
      LocalDate monday = firstMonday.plusWeeks(w);
      List<SessionEntry> week = inSpan.stream()
          .filter(s -> monday.equals(mondayOf(s.startedAt())))
          .toList();
      weeks.add(week(monday, week, dwells, !today.isAfter(monday.plusDays(6))));
    }
    return new ProgressData(patient, prescription, inSpan, dwells, weeks, spots(inSpan, dwells));
  }

  /** The half-open time span [from, to) of {@code weekCount} weeks ending with {@code lastDay}'s week. */
  public Instant[] span(LocalDate lastDay, int weekCount) {
    LocalDate lastMonday = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new Instant[] {
      lastMonday.minusWeeks(weekCount - 1L).atStartOfDay(zone).toInstant(),
      lastMonday.plusWeeks(1).atStartOfDay(zone).toInstant()
    };
  }

  private WeekStats week(LocalDate monday, List<SessionEntry> s, Map<String, List<double[]>> dwells,
      boolean inProgress) {
    return new WeekStats(
        monday,
        s.size(),
        perWeek.applyAsInt(monday),
        mean(s, e -> e.summary().rolls()),
        mean(s, e -> e.summary().passes() > 0 ? e.summary().paceCmS() : Double.NaN),
        mean(s, e -> e.summary().passes() > 0 ? e.summary().rangeCm() : Double.NaN),
        s.stream().mapToInt(e -> dwells.getOrDefault(e.id(), List.of()).size()).sum(),
        mean(s, e -> e.summary().holdS()),
        mean(s, e -> e.summary().holdS() > 0 ? e.summary().breaths() : Double.NaN),
        mean(s, e -> pain(e.notes().painBefore())),
        mean(s, e -> pain(e.notes().painAfter())),
        inProgress);
  }

  LocalDate mondayOf(Instant t) {
    return t.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /**
   * Greedy 1-D clustering of every dwell position, in order along the back: a dwell joins the current
   * spot while it lies within {@link #SPOT_WIDTH_CM} of the spot's first dwell. Spots are listed by
   * the number of sessions they appear in.
   */
  static List<TenderSpot> spots(List<SessionEntry> sessions, Map<String, List<double[]>> dwells) {
    record D(double pos, double dur, SessionEntry session) {}
    List<D> all = new ArrayList<>();
    for (SessionEntry s : sessions) {
      for (double[] d : dwells.getOrDefault(s.id(), List.of())) all.add(new D(d[2], d[1] - d[0], s));
    }
    all.sort(Comparator.comparingDouble(D::pos));
    List<TenderSpot> spots = new ArrayList<>();
    int i = 0;
    while (i < all.size()) {
      int j = i;
      while (j < all.size() && all.get(j).pos() - all.get(i).pos() <= SPOT_WIDTH_CM) j++;
      List<D> c = all.subList(i, j);
      spots.add(new TenderSpot(
          c.stream().mapToDouble(D::pos).average().orElseThrow(),
          (int) c.stream().map(d -> d.session().id()).distinct().count(),
          c.size(),
          c.stream().mapToDouble(D::dur).average().orElseThrow(),
          c.stream().map(d -> d.session().startedAt()).min(Comparator.naturalOrder()).orElseThrow(),
          c.stream().map(d -> d.session().startedAt()).max(Comparator.naturalOrder()).orElseThrow()));
      i = j;
    }
    spots.sort(Comparator.comparingInt(TenderSpot::sessions).reversed()
        .thenComparingDouble(TenderSpot::positionCm));
    return spots;
  }

  private static double pain(OptionalInt p) {
    return p.isPresent() ? p.getAsInt() : Double.NaN;
  }

  /** Mean of the values that are not NaN; NaN when there are none. */
  private static double mean(List<SessionEntry> s, ToDoubleFunction<SessionEntry> f) {
    return s.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }
}

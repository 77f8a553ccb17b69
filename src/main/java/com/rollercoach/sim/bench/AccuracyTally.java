package com.rollercoach.sim.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The accuracy metrics of issue 2 over many sessions, each with its target:
 *
 * <ul>
 *   <li>exact pass count in ≥ 98 % of sessions;
 *   <li>dwell and hold detection F1 ≥ 0.95, a detection matching a true event at temporal IoU ≥ 0.5
 *       (F1 = 2·TP / (2·TP + FP + FN));
 *   <li>median |onset| and |offset| error of matched dwells and holds ≤ 1 s;
 *   <li>median |hold duration| error ≤ 1 s;
 *   <li>breath count within ±1 in ≥ 90 % of the true holds (a missed hold counts as wrong).
 * </ul>
 */
public final class AccuracyTally {
  /** One line of the result table. */
  public record Metric(String name, double value, String unit, String target, boolean met, String note) {
    public boolean known() {
      return !Double.isNaN(value);
    }
  }

  private final List<SessionOutcome> outcomes = new ArrayList<>();

  public void add(SessionOutcome o) {
    outcomes.add(o);
  }

  public List<SessionOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  public int sessions() {
    return outcomes.size();
  }

  public double passCountExactRate() {
    return rate(outcomes, SessionOutcome::passCountExact);
  }

  public double dwellF1() {
    return f1(outcomes, SessionOutcome::dwells);
  }

  public double holdF1() {
    return f1(outcomes, SessionOutcome::holds);
  }

  public double medianAbsOnsetErrorS() {
    return medianAbs(outcomes.stream().flatMap(o -> o.onsetErrorsS().stream()).toList());
  }

  public double medianAbsOffsetErrorS() {
    return medianAbs(outcomes.stream().flatMap(o -> o.offsetErrorsS().stream()).toList());
  }

  public double medianAbsHoldDurationErrorS() {
    return medianAbs(outcomes.stream().flatMap(o -> o.holdDurationErrorsS().stream()).toList());
  }

  /** Share of true holds whose breath count was found within ±1 (missed holds count as wrong). */
  public double breathsWithinOneRate() {
    List<Integer> all = outcomes.stream().flatMap(o -> o.breathErrors().stream()).toList();
    if (all.isEmpty()) return Double.NaN;
    return all.stream().filter(e -> e != null && Math.abs(e) <= 1).count() / (double) all.size();
  }

  public List<Metric> metrics() {
    int[] dw = counts(outcomes, SessionOutcome::dwells);
    int[] ho = counts(outcomes, SessionOutcome::holds);
    long exact = outcomes.stream().filter(SessionOutcome::passCountExact).count();
    int holdsTotal = outcomes.stream().mapToInt(o -> o.breathErrors().size()).sum();
    long breathsOk =
        outcomes.stream()
            .flatMap(o -> o.breathErrors().stream())
            .filter(e -> e != null && Math.abs(e) <= 1)
            .count();
    int matched = outcomes.stream().mapToInt(o -> o.onsetErrorsS().size()).sum();
    int holdsMatched = outcomes.stream().mapToInt(o -> o.holdDurationErrorsS().size()).sum();
    List<Metric> m = new ArrayList<>();
    m.add(atLeast("exact pass count", 100 * passCountExactRate(), "%", 98,
        exact + " of " + sessions() + " sessions"));
    m.add(atLeast("dwell F1 (IoU >= 0.5)", dwellF1(), "", 0.95, tpFpFn(dw)));
    m.add(atLeast("hold F1 (IoU >= 0.5)", holdF1(), "", 0.95, tpFpFn(ho)));
    m.add(atMost("median onset error", medianAbsOnsetErrorS(), "s", 1.0, matched + " matched dwells+holds"));
    m.add(atMost("median offset error", medianAbsOffsetErrorS(), "s", 1.0, matched + " matched dwells+holds"));
    m.add(atMost("median hold-duration error", medianAbsHoldDurationErrorS(), "s", 1.0,
        holdsMatched + " matched holds"));
    m.add(atLeast("breaths within +-1", 100 * breathsWithinOneRate(), "%", 90,
        breathsOk + " of " + holdsTotal + " true holds"));
    return m;
  }

  /**
   * Signed medians (detected − true) that show systematic bias, and the pass-count misses by sign:
   * diagnostics beside the targets.
   */
  public Map<String, String> diagnostics() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("dwell onset / offset", signed(SessionOutcome::dwellOnsetErrorsS) + " / " + signed(SessionOutcome::dwellOffsetErrorsS));
    d.put("hold onset / offset", signed(SessionOutcome::holdOnsetErrorsS) + " / " + signed(SessionOutcome::holdOffsetErrorsS));
    d.put("getting on", signed(SessionOutcome::onErrorsS));
    long over = outcomes.stream().filter(o -> o.detectedPasses() > o.truePasses()).count();
    long under = outcomes.stream().filter(o -> o.detectedPasses() < o.truePasses()).count();
    d.put("pass count", over + " sessions over, " + under + " under");
    return d;
  }

  private String signed(java.util.function.Function<SessionOutcome, List<Double>> which) {
    double[] v = outcomes.stream().flatMap(o -> which.apply(o).stream()).mapToDouble(Double::doubleValue).toArray();
    if (v.length == 0) return "n/a";
    return String.format(Locale.ROOT, "median %+.2f s (n %d)", new Median().evaluate(v), v.length);
  }

  /** Per-profile pass-count exactness and detection counts, to see which kinds of session fail. */
  public Map<String, String> byProfile() {
    Map<String, List<SessionOutcome>> groups = new LinkedHashMap<>();
    for (SessionOutcome o : outcomes) groups.computeIfAbsent(o.profile(), k -> new ArrayList<>()).add(o);
    Map<String, String> out = new LinkedHashMap<>();
    groups.forEach(
        (profile, list) -> {
          long exact = list.stream().filter(SessionOutcome::passCountExact).count();
          out.put(
              profile,
              String.format(
                  Locale.ROOT,
                  "%2d sessions, passes exact %2d, dwells %s, holds %s",
                  list.size(),
                  exact,
                  tpFpFn(counts(list, SessionOutcome::dwells)),
                  tpFpFn(counts(list, SessionOutcome::holds))));
        });
    return out;
  }

  private static Metric atLeast(String name, double v, String unit, double target, String note) {
    return new Metric(name, v, unit, ">= " + fmt(target) + (unit.isEmpty() ? "" : " " + unit),
        !Double.isNaN(v) && v >= target, note);
  }

  private static Metric atMost(String name, double v, String unit, double target, String note) {
    return new Metric(name, v, unit, "<= " + fmt(target) + " " + unit, !Double.isNaN(v) && v <= target, note);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String tpFpFn(int[] c) {
    return "tp " + c[0] + " fp " + c[1] + " fn " + c[2];
  }

  private static double rate(Collection<SessionOutcome> os, Predicate<SessionOutcome> ok) {
    if (os.isEmpty()) return Double.NaN;
    return os.stream().filter(ok).count() / (double) os.size();
  }

  private static int[] counts(
      Collection<SessionOutcome> os,
      java.util.function.Function<SessionOutcome, IntervalMatcher.Matching> which) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (SessionOutcome o : os) {
      IntervalMatcher.Matching m = which.apply(o);
      tp += m.matched();
      fp += m.spurious();
      fn += m.missed();
    }
    return new int[] {tp, fp, fn};
  }

  static double f1(
      Collection<SessionOutcome> os,
      java.util.function.Function<SessionOutcome, IntervalMatcher.Matching> which) {
    int[] c = counts(os, which);
    int denominator = 2 * c[0] + c[1] + c[2];
    return denominator == 0 ? Double.NaN : 2.0 * c[0] / denominator;
  }

  static double medianAbs(List<Double> values) {
    double[] abs = values.stream().filter(Objects::nonNull).mapToDouble(Math::abs).toArray();
    return abs.length == 0 ? Double.NaN : new Median().evaluate(abs);
  }
}

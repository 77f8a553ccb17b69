package com.rollercoach.sim.bench;

import com.rollercoach.core.NumberText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
 *   <li>breath count within ±1 in ≥ 90 % of the true holds (a missed hold counts as wrong);
 * </ul>
 *
 * and those of issue 10, on every setup: dwell and hold F1 ≥ 0.97, live pass latency p95 ≤ 0.5 s
 * (from the moment the pass's end was confirmable: the 2 cm reversal or the roller at rest, to the
 * event), and at most 1 correction per 100 passes.
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
    // Below, a metric with nothing to judge (no dwell in the truth nor found, no true hold) is "n/a",
    // not missed: sessions drawn without dwells say nothing about the dwell detector. A detector that
    // misses or invents them still fails through the F1 (tp 0 with fn or fp > 0 is F1 = 0). The pass
    // count has no such case: no sessions is a failure.
    m.add(noneIsMet(atLeast("dwell F1 (IoU >= 0.5)", dwellF1(), "", F1_TARGET, tpFpFn(dw))));
    m.add(noneIsMet(atLeast("hold F1 (IoU >= 0.5)", holdF1(), "", F1_TARGET, tpFpFn(ho))));
    m.add(noneIsMet(atMost("median onset error", medianAbsOnsetErrorS(), "s", 1.0, matched + " matched dwells+holds")));
    m.add(noneIsMet(atMost("median offset error", medianAbsOffsetErrorS(), "s", 1.0, matched + " matched dwells+holds")));
    m.add(noneIsMet(atMost("median hold-duration error", medianAbsHoldDurationErrorS(), "s", 1.0,
        holdsMatched + " matched holds")));
    m.add(noneIsMet(atLeast("breaths within +-1", 100 * breathsWithinOneRate(), "%", 90,
        breathsOk + " of " + holdsTotal + " true holds")));
    double[] lat = latencies(outcomes);
    if (lat.length == 0) {
      // hand-made detections without live events: nothing to time
      m.add(new Metric("live pass latency p95", Double.NaN, "s", "<= " + LATENCY_P95_S + " s", true,
          "no live pass events to time"));
    } else {
      m.add(atMost("live pass latency p95", percentile(lat, 95), "s", LATENCY_P95_S,
          String.format(Locale.ROOT, "p50 %.2f s, max %.2f s, n %d", percentile(lat, 50), percentile(lat, 100), lat.length)));
    }
    m.add(atMost("corrections per 100 passes", correctionsPer100(outcomes), "", 1.0,
        outcomes.stream().mapToInt(SessionOutcome::corrections).sum() + " withdrawn"));
    return m;
  }

  /** Issue 10's detection target (issue 2 asked for 0.95). */
  public static final double F1_TARGET = 0.97;
  public static final double LATENCY_P95_S = 0.5;

  static double[] latencies(Collection<SessionOutcome> os) {
    return os.stream().flatMap(o -> o.passLatenciesS().stream()).mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /** The p-th percentile (nearest rank) of sorted values; NaN when empty. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double correctionsPer100(Collection<SessionOutcome> os) {
    int passes = os.stream().mapToInt(SessionOutcome::truePasses).sum();
    int corr = os.stream().mapToInt(SessionOutcome::corrections).sum();
    return passes == 0 ? Double.NaN : 100.0 * corr / passes;
  }

  /** One row per setup: the issue-10 targets on each. */
  public List<String> bySetup() {
    List<String> rows = new ArrayList<>();
    String fmt = "%-20s %4s %7s %6s %6s %8s %6s %6s %6s %7s  %s";
    rows.add(String.format(Locale.ROOT, fmt, "setup", "n", "passes", "dwF1", "hoF1", "breaths",
        "p50", "p95", "max", "corr%", "verdict"));
    groupsBySetup().forEach((name, list) -> rows.add(new SetupFigures(list).row(fmt, name)));
    rows.add(new SetupFigures(outcomes).row(fmt, "OVERALL"));
    return rows;
  }

  /**
   * The setups that miss a target on their own ("vibration-before-on (passes, breaths)"): the issue
   * sets its targets on every setup, so the overall line alone must not read as "all met".
   */
  public List<String> setupsMissing() {
    List<String> out = new ArrayList<>();
    groupsBySetup().forEach((name, list) -> {
      List<String> miss = new SetupFigures(list).misses();
      if (!miss.isEmpty()) out.add(name + " (" + String.join(", ", miss) + ")");
    });
    return out;
  }

  private Map<String, List<SessionOutcome>> groupsBySetup() {
    Map<String, List<SessionOutcome>> groups = new LinkedHashMap<>();
    for (SessionOutcome o : outcomes) groups.computeIfAbsent(o.setup(), k -> new ArrayList<>()).add(o);
    return groups;
  }

  /** The issue-10 figures of one group of sessions, computed once for its row and its verdict. */
  private static final class SetupFigures {
    final int n;
    final double exact;
    final double dw;
    final double ho;
    final double breaths;
    final double[] lat;
    final double corr;

    SetupFigures(List<SessionOutcome> list) {
      n = list.size();
      exact = 100 * rate(list, SessionOutcome::passCountExact);
      dw = f1(list, SessionOutcome::dwells);
      ho = f1(list, SessionOutcome::holds);
      List<Integer> be = list.stream().flatMap(o -> o.breathErrors().stream()).toList();
      breaths = be.isEmpty() ? Double.NaN
          : 100.0 * be.stream().filter(e -> e != null && Math.abs(e) <= 1).count() / be.size();
      lat = latencies(list);
      corr = correctionsPer100(list);
    }

    /** The targets missed, by name (empty: all met). */
    List<String> misses() {
      List<String> miss = new ArrayList<>();
      if (!(exact >= 98)) miss.add("passes");
      if (!Double.isNaN(dw) && dw < F1_TARGET) miss.add("dwell");
      if (!Double.isNaN(ho) && ho < F1_TARGET) miss.add("hold");
      if (!Double.isNaN(breaths) && breaths < 90) miss.add("breaths");
      // no live pass event to time judges nothing, as in the overall metric
      if (lat.length > 0 && !(percentile(lat, 95) <= LATENCY_P95_S)) miss.add("latency");
      if (corr > 1.0) miss.add("corrections");
      return miss;
    }

    String row(String fmt, String name) {
      List<String> miss = misses();
      return String.format(Locale.ROOT, fmt, name, n, pct(exact), num(dw), num(ho), pct(breaths),
          num(percentile(lat, 50)), num(percentile(lat, 95)), num(percentile(lat, 100)), num(corr),
          miss.isEmpty() ? "ok" : "miss: " + String.join(",", miss));
    }
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
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
    d.put("breaths per hold", breathHistogram());
    return d;
  }

  /**
   * How the found holds' breath counts are off, value by value ("-1: 12, 0: 230, +1: 10"): the ±1
   * target hides whether a change moved holds from exact to one off, which the edges of a hold decide.
   */
  String breathHistogram() {
    TreeMap<Integer, Integer> h = new TreeMap<>();
    int missed = 0;
    for (SessionOutcome o : outcomes)
      for (Integer e : o.breathErrors()) {
        if (e == null) missed++;
        else h.merge(e, 1, Integer::sum);
      }
    List<String> parts = new ArrayList<>();
    h.forEach((e, n) -> parts.add((e == 0 ? "0" : String.format(Locale.ROOT, "%+d", e)) + ": " + n));
    if (missed > 0) parts.add("missed: " + missed);
    return parts.isEmpty() ? "n/a" : String.join(", ", parts);
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

  /** A metric with no value (nothing to judge) counts as met; the report shows it as "n/a". */
  private static Metric noneIsMet(Metric m) {
    return m.known() ? m : new Metric(m.name(), m.value(), m.unit(), m.target(), true, m.note());
  }

  private static Metric atLeast(String name, double v, String unit, double target, String note) {
    return new Metric(name, v, unit, ">= " + NumberText.plain(target) + (unit.isEmpty() ? "" : " " + unit),
        !Double.isNaN(v) && v >= target, note);
  }

  private static Metric atMost(String name, double v, String unit, double target, String note) {
    return new Metric(name, v, unit, "<= " + NumberText.plain(target) + " " + unit, !Double.isNaN(v) && v <= target, note);
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

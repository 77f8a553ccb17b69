package com.rollercoach.sim.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Renders an {@link AccuracyTally} as the plain-text table {@code bench accuracy} prints. */
public final class AccuracyReport {
  private AccuracyReport() {}

  public static String render(AccuracyTally tally, String heading, int worstToShow) {
    StringBuilder sb = new StringBuilder();
    sb.append(heading).append('\n');
    String row = "%-28s %10s  %-10s %-5s %s%n";
    sb.append(String.format(Locale.ROOT, row, "metric", "value", "target", "", "detail"));
    for (AccuracyTally.Metric m : tally.metrics()) {
      String value = m.known() ? String.format(Locale.ROOT, "%.3g", m.value()) + pad(m.unit()) : "n/a";
      String verdict = !m.met() ? "FAIL" : m.known() ? "PASS" : "n/a";
      sb.append(String.format(Locale.ROOT, row, m.name(), value, m.target(), verdict, m.note()));
    }
    if (tally.outcomes().stream().map(SessionOutcome::setup).distinct().count() > 1) {
      sb.append("\nby setup (passes = exact count share; breaths = holds within +-1; p50/p95/max = live"
          + " pass latency, s; corr% = corrections per 100 passes):\n");
      for (String r : tally.bySetup()) sb.append("  ").append(r).append('\n');
    }
    sb.append("\nsigned errors (detected - true):\n");
    tally.diagnostics().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-22s %s%n", k, v)));
    sb.append("\nby profile:\n");
    tally.byProfile().forEach((p, line) -> sb.append(String.format(Locale.ROOT, "  %-14s %s%n", p, line)));
    List<SessionOutcome> worst =
        tally.outcomes().stream()
            .filter(o -> problems(o) > 0)
            .sorted(Comparator.comparingInt(AccuracyReport::problems).reversed())
            .limit(worstToShow)
            .toList();
    if (!worst.isEmpty()) {
      sb.append("\nsessions with errors (reproduce with `simulate` and these options):\n");
      for (SessionOutcome o : worst) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %s: passes %d/%d, dwells missed %d spurious %d, holds missed %d spurious %d%n",
                o.label(),
                o.detectedPasses(),
                o.truePasses(),
                o.dwells().missed(),
                o.dwells().spurious(),
                o.holds().missed(),
                o.holds().spurious()));
      }
    }
    List<SessionOutcome> breathMisses =
        tally.outcomes().stream()
            .filter(o -> o.breathErrors().stream().anyMatch(e -> e == null || Math.abs(e) > 1))
            .limit(worstToShow)
            .toList();
    if (!breathMisses.isEmpty()) {
      sb.append("\nsessions with holds whose breaths are off by more than 1 (detected - true; - = hold missed):\n");
      for (SessionOutcome o : breathMisses) {
        sb.append("  ").append(o.label()).append(": ");
        sb.append(String.join(", ", o.breathErrors().stream()
            .map(e -> e == null ? "-" : String.format(Locale.ROOT, "%+d", e)).toList()));
        sb.append('\n');
      }
    }
    List<SessionOutcome> slow =
        tally.outcomes().stream()
            .filter(o -> o.passLatenciesS().stream().anyMatch(l -> l > AccuracyTally.LATENCY_P95_S))
            .sorted(Comparator.comparingLong(AccuracyReport::latePasses).reversed())
            .limit(worstToShow)
            .toList();
    if (!slow.isEmpty()) {
      sb.append("\nsessions with live pass events later than ")
          .append(AccuracyTally.LATENCY_P95_S)
          .append(" s:\n");
      for (SessionOutcome o : slow) {
        double max = o.passLatenciesS().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        sb.append(String.format(Locale.ROOT, "  %s: %d of %d late, max %.2f s%n", o.label(),
            latePasses(o), o.passLatenciesS().size(), max));
      }
    }
    return sb.toString();
  }

  private static long latePasses(SessionOutcome o) {
    return o.passLatenciesS().stream().filter(l -> l > AccuracyTally.LATENCY_P95_S).count();
  }

  private static String pad(String unit) {
    return unit.isEmpty() ? "" : unit.equals("%") ? " %" : " " + unit;
  }

  private static int problems(SessionOutcome o) {
    return Math.abs(o.detectedPasses() - o.truePasses())
        + o.dwells().missed()
        + o.dwells().spurious()
        + o.holds().missed()
        + o.holds().spurious();
  }
}

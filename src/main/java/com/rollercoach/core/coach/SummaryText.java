package com.rollercoach.core.coach;

import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A session summary for a person to read: a timeline of what happened (times as m:ss from the start
 * of the recording), the counts, and the verdicts. Plain text, no I/O.
 */
public final class SummaryText {
  private SummaryText() {}

  private record Item(double startS, double endS, String what) {}

  public static String render(SessionAnalysis a, List<Verdict> verdicts, double rollerDiameterCm) {
    StringBuilder out = new StringBuilder();
    double t0 = a.startS();
    out.append(
        String.format(
            Locale.ROOT,
            "Session: %s long, roller %.1f cm%n",
            clock(a.durationS()),
            rollerDiameterCm));
    out.append(
        String.format(
            Locale.ROOT,
            "%d passes, %d rolls, pace %.1f cm/s, range %.1f cm, %d dwell(s), %d extension hold(s)%n",
            a.passes().size(),
            a.rolls(),
            a.paceCmS(),
            a.rangeCm(),
            a.dwells().size(),
            a.holds().size()));
    out.append(System.lineSeparator()).append("Timeline").append(System.lineSeparator());
    for (Item item : timeline(a)) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %6s – %-6s %s%n",
              clock(item.startS - t0),
              clock(item.endS - t0),
              item.what));
    }
    if (!a.gaps().isEmpty()) {
      double missing = a.gaps().stream().mapToDouble(g -> g[1] - g[0]).sum();
      out.append(
          String.format(
              Locale.ROOT, "  (%d gap(s) in the data, %.1f s missing)%n", a.gaps().size(), missing));
    }
    out.append(System.lineSeparator()).append("Verdicts").append(System.lineSeparator());
    for (Verdict v : verdicts) {
      out.append("  ").append(mark(v.level())).append(' ').append(v.message()).append(System.lineSeparator());
    }
    return out.toString();
  }

  private static List<Item> timeline(SessionAnalysis a) {
    List<Item> items = new ArrayList<>();
    for (double[] on : a.onPeriods()) items.add(new Item(on[0], on[1], "on the roller"));
    // Rolling stretches are the passes between two still segments, shown between them (a pass's
    // span may reach into a still segment: its turning point is where the roller left it).
    List<double[]> stills = new ArrayList<>();
    a.dwells().forEach(d -> stills.add(new double[] {d.startS(), d.endS()}));
    a.holds().forEach(h -> stills.add(new double[] {h.startS(), h.endS()}));
    stills.sort(Comparator.comparingDouble(x -> x[0]));
    List<Pass> run = new ArrayList<>();
    int runStill = -1;
    for (Pass p : a.passes()) {
      int k = stillsBefore(stills, (p.startS() + p.endS()) / 2);
      if (!run.isEmpty() && k != runStill) {
        items.add(rolling(run, stills, runStill));
        run.clear();
      }
      runStill = k;
      run.add(p);
    }
    if (!run.isEmpty()) items.add(rolling(run, stills, runStill));
    for (Dwell d : a.dwells()) {
      items.add(
          new Item(
              d.startS(), d.endS(),
              String.format(Locale.ROOT, "  dwell on a tender spot at %.1f cm (%s)", d.positionCm(), clock(d.durationS()))));
    }
    for (ExtensionHold h : a.holds()) {
      items.add(
          new Item(
              h.startS(), h.endS(),
              String.format(Locale.ROOT, "  extension hold (%s, %d breaths)", clock(h.durationS()), h.breaths())));
    }
    items.sort(Comparator.comparingDouble(Item::startS).thenComparing(i -> i.what.startsWith(" ")));
    return items;
  }

  /** How many still segments start before {@code t}. */
  private static int stillsBefore(List<double[]> stills, double t) {
    int k = 0;
    while (k < stills.size() && stills.get(k)[0] <= t) k++;
    return k;
  }

  private static Item rolling(List<Pass> run, List<double[]> stills, int stillsBefore) {
    double start = run.get(0).startS();
    double end = run.get(run.size() - 1).endS();
    if (stillsBefore > 0) start = Math.max(start, stills.get(stillsBefore - 1)[1]);
    if (stillsBefore < stills.size()) end = Math.min(end, stills.get(stillsBefore)[0]);
    return new Item(
        start, Math.max(start, end), String.format(Locale.ROOT, "  rolling: %d passes", run.size()));
  }

  private static String mark(Verdict.Level level) {
    return switch (level) {
      case GOOD -> "[ok]";
      case INFO -> "[--]";
      case MISSING -> "[!!]";
      default -> "[! ]";
    };
  }

  /** m:ss. */
  static String clock(double s) {
    long r = Math.max(0, Math.round(s));
    return String.format(Locale.ROOT, "%d:%02d", r / 60, r % 60);
  }
}

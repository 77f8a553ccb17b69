package com.rollercoach.core.coach;

import com.rollercoach.core.detect.RollingTime;
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
    return render(a, verdicts, rollerDiameterCm, false, "");
  }

  /**
   * @param a the analysis with its positions on the back ({@code BackFrame.apply})
   * @param directionKnown whether the frame knows which way is the head (positions then signed)
   * @param positions the lines saying where the positions are measured from, printed as they are under
   *     the timeline (empty: none)
   */
  public static String render(SessionAnalysis a, List<Verdict> verdicts, double rollerDiameterCm,
      boolean directionKnown, String positions) {
    StringBuilder out = new StringBuilder();
    double t0 = a.startS();
    out.append(
        String.format(
            Locale.ROOT,
            "Session: %s long, roller %s cm%n",
            clock(a.durationS()),
            com.rollercoach.core.NumberText.upTo(rollerDiameterCm, 1)));
    // The analysis's pace is over rolling time only (RollingTime), the one the pace verdict judges: a
    // tender spot inside a pass must not make the counts line say 3.2 cm/s beside a verdict of 3.3.
    // without passes there is no pace or range to show: 0.0 cm/s would read as a measured crawl
    String paceAndRange = a.passes().isEmpty()
        ? "no pace or range (no passes)"
        : String.format(Locale.ROOT, "pace %.1f cm/s, range %.1f cm", a.paceCmS(), a.rangeCm());
    out.append(
        String.format(
            Locale.ROOT,
            "%d passes, %d rolls, %s, %d tender spot(s), %d extension hold(s)%n",
            a.passes().size(),
            a.rolls(),
            paceAndRange,
            a.dwells().size(),
            a.holds().size()));
    out.append(System.lineSeparator()).append("Timeline").append(System.lineSeparator());
    for (Item item : timeline(a, directionKnown)) {
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
    out.append(positions);
    out.append(System.lineSeparator()).append("Verdicts").append(System.lineSeparator());
    for (Verdict v : verdicts) {
      out.append("  ").append(mark(v.level())).append(' ').append(v.message()).append(System.lineSeparator());
    }
    out.append(System.lineSeparator()).append(Closing.of(verdicts)).append(System.lineSeparator());
    return out.toString();
  }

  private static List<Item> timeline(SessionAnalysis a, boolean directionKnown) {
    List<Item> items = new ArrayList<>();
    for (double[] on : a.onPeriods()) items.add(new Item(on[0], on[1], "on the roller"));
    // Rolling stretches: the passes' spans with every still period, gap and time off the roller cut
    // out (RollingTime.stretches, the rule the review uses), so no "rolling" line spans a break or a
    // hold. A pass cut by a tender spot shows in the stretch before and after it.
    for (double[] st : RollingTime.stretches(a)) {
      int first = (int) st[2];
      int last = (int) st[3];
      items.add(new Item(st[0], st[1], first == last
          ? String.format(Locale.ROOT, "  rolling: pass %d", first)
          : String.format(Locale.ROOT, "  rolling: passes %d–%d", first, last)));
    }
    for (Dwell d : a.dwells()) {
      items.add(
          new Item(
              d.startS(), d.endS(),
              "  " + SpotText.of(d.positionCm(), directionKnown, d.durationS())));
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

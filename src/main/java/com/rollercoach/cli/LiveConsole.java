package com.rollercoach.cli;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.coach.live.CueText;
import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.live.LiveSession;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.DeviceStatus;
import com.rollercoach.io.live.LiveObserver;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Live coaching in a terminal, for {@code record} and {@code replay}: one line per event as it
 * happens (on/off, pass n, still spot found, dwell/hold verdicts, breaths, gaps, link drops) and, while
 * the patient holds still, a running timer. On a terminal the timer is one line rewritten in place; in
 * a pipe or log it is a line every 30 s so logs stay readable. Times are m:ss from the first sample.
 *
 * <p>Runs on the thread that feeds the pipeline; printing a line costs microseconds.
 */
final class LiveConsole implements LiveSession.Listener, LiveObserver {
  /** A gap shorter than this is a couple of lost frames: counted in the summary, not announced. */
  private static final double ANNOUNCED_GAP_S = 0.25;

  private static final double TTY_STATUS_EVERY_S = 0.5;
  private static final double LOG_STATUS_EVERY_S = 30;

  private final PrintStream out;
  private final boolean tty;
  private final CoachingTargets targets;
  private final boolean cuesOnly;
  private LiveSession.Coaching coaching;
  private double lastPassSpeed = Double.NaN;
  private double t0 = Double.NaN;
  private double nextStatusS = Double.NEGATIVE_INFINITY;
  private boolean statusShown;
  private int passes;
  private int rolls;
  private int dwells;
  private int holds;
  private int gaps;
  private double gapSeconds;
  /** Lines held back until the command's heading is printed ({@link #holdUntilHeading}); null: none. */
  private java.util.List<String> held;

  /** @param cuesOnly print only the cues (what the patient hears), with their session times */
  LiveConsole(PrintStream out, boolean tty, CoachingTargets targets, boolean cuesOnly) {
    this.out = out;
    this.tty = tty && !cuesOnly;
    this.targets = targets;
    this.cuesOnly = cuesOnly;
  }

  @Override
  public synchronized void state(LiveState s, LiveSession.Coaching c) {
    printHeldTick(); // the sample's cues are all out: a tick no milestone followed is printed now
    if (Double.isNaN(t0)) t0 = s.tS();
    coaching = c;
    if (!cuesOnly) showTimer(s, c);
  }

  @Override
  public synchronized void cue(Cue c) {
    if (cuesOnly && c instanceof Cue.RollTick t) {
      printHeldTick();
      heldTick = t;
      return;
    }
    if (c instanceof Cue.RollMilestone m && heldTick != null && heldTick.rolls() == m.rolls()) {
      heldTick = null; // "10 rolls. When you are ready: …" says the count: not "10 rolls" above it too
    }
    printHeldTick();
    boolean quiet = c instanceof Cue.MetronomeTick || (!cuesOnly && c instanceof Cue.RollTick);
    if (!quiet) line(c.atS(), (cuesOnly ? "" : "» ") + CueText.of(c));
  }

  /**
   * With {@code cuesOnly}, a roll tick waits for the rest of its sample's cues: the coach follows the
   * tick that reaches a prescribed count with the milestone, which says the count itself (speech says
   * only the milestone; the tick is a tone).
   */
  private Cue.RollTick heldTick;

  private void printHeldTick() {
    Cue.RollTick t = heldTick;
    heldTick = null;
    if (t != null) line(t.atS(), CueText.of(t));
  }

  @Override
  public synchronized void event(MotionEvent e) {
    if (!cuesOnly) onEvent(e);
  }

  /** With the coach's view after the event: a pass's pace is the coach's, over rolling time only. */
  @Override
  public synchronized void event(MotionEvent e, LiveSession.Coaching c) {
    lastPassSpeed = c.lastPassSpeedCmS();
    coaching = c; // the coach's view with this event in it (a breath's number)
    event(e);
  }

  /**
   * Holds every line back until {@link #heading}: the link comes up while the port is being opened,
   * before the command knows it can say "Recording … (Ctrl-C to stop)", and that heading goes first.
   */
  synchronized void holdUntilHeading() {
    if (held == null) held = new java.util.ArrayList<>();
  }

  /** Prints {@code text} (none if null), then the lines held back since {@link #holdUntilHeading}. */
  synchronized void heading(String text) {
    java.util.List<String> lines = held;
    held = null;
    clearStatus();
    if (text != null) out.println(text);
    if (lines != null) lines.forEach(out::println);
  }

  /** The session ended: the timer line goes. */
  synchronized void end() {
    printHeldTick();
    clearStatus();
  }

  /** The travel each pass was last shown with, by index, so a revision that changes it is shown. */
  private final java.util.Map<Integer, Double> announcedTravel = new java.util.HashMap<>();

  private void onEvent(MotionEvent e) {
    // Every line is printed when its event is emitted, under that time (atS), so the left column
    // only goes forward; what happened earlier than that says its own time in the text.
    if (e instanceof MotionEvent.GotOn on) {
      line(on.atS(), "on the roller" + since(on.onS(), on.atS()));
    } else if (e instanceof MotionEvent.GotOff off) {
      line(off.atS(), "off the roller" + since(off.offS(), off.atS()));
    } else if (e instanceof MotionEvent.PassCompleted p) {
      announcedTravel.put(p.pass().index(), p.pass().travelCm());
      passes = p.passCount();
      rolls = p.rollCount();
      // Over rolling time (the coach's figure): a pass that contains a tender spot is not slow.
      double speed = Double.isNaN(lastPassSpeed) ? p.pass().meanSpeedCmS() : lastPassSpeed;
      line(p.atS(), String.format(Locale.ROOT, "pass %d %s %.1f cm at %.1f cm/s, roll %d of %d-%d%s%s",
          p.passCount(), p.pass().direction() > 0 ? "up  " : "down", p.pass().travelCm(), speed,
          p.rollCount(), targets.rollsMin(), targets.rollsMax(), ended(p.pass().endS(), p.atS()),
          speed > targets.paceTooFastCmS() ? "  (slow down)" : ""));
    } else if (e instanceof MotionEvent.PassRevised r) {
      // a pass announced when the roller stopped went on after the stop (a tender spot inside it):
      // its line said the travel up to the stop, analyze gives the whole pass
      Double before = announcedTravel.put(r.pass().index(), r.pass().travelCm());
      if (before != null && Math.abs(before - r.pass().travelCm()) >= 0.05) {
        line(r.atS(), String.format(Locale.ROOT, "pass %d went on after the stop: %s %.1f cm in all",
            r.pass().index(), r.pass().direction() > 0 ? "up" : "down", r.pass().travelCm())
            + ended(r.pass().endS(), r.atS()));
      }
    } else if (e instanceof MotionEvent.PassWithdrawn w) {
      passes = w.passCount();
      rolls = w.rollCount();
      line(w.atS(), String.format(Locale.ROOT, "pass %d taken back (%s): %d passes, %d rolls",
          w.pass().index(), w.reason(), w.passCount(), w.rollCount()) + ended(w.pass().endS(), w.atS()));
    } else if (e instanceof MotionEvent.StillStarted s) {
      line(s.atS(), "still at " + cm(s.positionCm()) + " since " + clock(s.startS()));
    } else if (e instanceof MotionEvent.DwellFound d) {
      dwells++;
      line(d.atS(), String.format(Locale.ROOT, "tender spot held at %s for %s (%s), %s",
          cm(d.dwell().positionCm()), duration(d.dwell().durationS()), dwellVerdict(d.dwell().durationS()),
          span(d.dwell().startS(), d.dwell().endS())));
    } else if (e instanceof MotionEvent.HoldFound h) {
      holds++;
      line(h.atS(), String.format(Locale.ROOT, "extension hold %s with %d breaths (target %s), %s",
          duration(h.hold().durationS()), h.hold().breaths(), duration(targets.holdTargetS()),
          span(h.hold().startS(), h.hold().endS())));
    } else if (e instanceof MotionEvent.BreathDetected b) {
      // Breaths matter in the extension hold; on a terminal the timer line shows them, in a log one
      // line per breath during the hold (a dwell's breaths appear in the 30 s timer lines).
      if (!tty && coaching != null && coaching.stillMode() == StillMode.HOLD) {
        line(b.atS(), "breath " + coaching.breathsInHold()
            + (clock(b.onsetS()).equals(clock(b.atS())) ? "" : ", began " + clock(b.onsetS())));
      }
    } else if (e instanceof MotionEvent.DataGap g) {
      gaps++;
      gapSeconds += g.toS() - g.fromS();
      if (g.toS() - g.fromS() >= ANNOUNCED_GAP_S) {
        // "at 0:48" for a gap inside one second of the clock ("0:48–0:48" read as a typo)
        String when = clock(g.fromS()).equals(clock(g.toS())) ? "at " + clock(g.fromS()) : span(g.fromS(), g.toS());
        line(g.atS(), String.format(Locale.ROOT, "no data for %.1f s, %s (%s)", g.toS() - g.fromS(), when,
            g.reason()));
      }
    }
  }

  @Override
  public void deviceInfo(DeviceInfo d) {
    message(String.format(Locale.ROOT, "device %s, firmware %s, %s%s",
        d.deviceId().isEmpty() ? "?" : d.deviceId(), d.firmwareVersion().isEmpty() ? "?" : d.firmwareVersion(),
        d.sensorModel().isEmpty() ? "unknown sensor" : d.sensorModel(),
        Double.isFinite(d.sampleRateHz()) ? String.format(Locale.ROOT, " at %.0f Hz", d.sampleRateHz()) : ""));
  }

  @Override
  public void status(DeviceStatus s) {
    if (s.errorFlags() != 0) message(String.format("device reports error flags 0x%04x", s.errorFlags()));
  }

  @Override
  public void linkUp(double hostTimeS, String detail) {
    message("link up: " + detail);
  }

  @Override
  public void linkDown(double hostTimeS, String reason) {
    message("link lost: " + reason + "; reconnecting...");
  }

  @Override
  public void recordingFailed(IOException e) {
    message(Warnings.event("recording stopped (" + e.getMessage() + "); what was saved so far is kept"));
  }

  @Override
  public void processingFailed(RuntimeException e) {
    message(Warnings.event("live analysis failed (" + e + "); still recording the raw data"));
  }

  @Override
  public void warning(String text) {
    message(Warnings.event(text));
  }

  @Override
  public void samplesRejected(com.rollercoach.core.sample.SampleValidator.Reason reason, long count) {
    message(Warnings.event(count + " bad sample(s) dropped (" + reason.text() + ")"));
  }

  /** A line that is not tied to a sample time (link state, device). */
  @Override
  public synchronized void message(String text) {
    printHeldTick();
    print("        " + text);
  }

  private void print(String text) {
    if (held != null) {
      held.add(text);
      return;
    }
    clearStatus();
    out.println(text);
  }

  /** Counts for the end-of-session summary, with the gaps in the data (replay: the file's). */
  String countsLine() {
    return movementCounts() + (gaps == 0 ? "" : ", " + gapsText());
  }

  /**
   * Counts for a live session's summary: the gaps are said on its link line instead ({@link
   * #linkLine}), next to the frames lost, which are the same events counted on the wire.
   */
  String movementCounts() {
    // "1 roll", not "1 rolls" (a short or false start often has one)
    return String.format(Locale.ROOT, "%d %s, %d %s (target %d-%d), %d tender spot(s), %d extension hold(s)",
        passes, passes == 1 ? "pass" : "passes", rolls, rolls == 1 ? "roll" : "rolls",
        targets.rollsMin(), targets.rollsMax(), dwells, holds);
  }

  int gaps() {
    return gaps;
  }

  /** "1 gap in the data, 0.3 s without samples" / "6 gaps in the data, 3.7 s without samples in all". */
  String gapsText() {
    return String.format(Locale.ROOT, "%d %s in the data, %.1f s without samples%s", gaps, gaps == 1 ? "gap" : "gaps",
        gapSeconds, gaps == 1 ? "" : " in all");
  }

  /**
   * A live session's link in one line: frames received and lost (counted by the device's sequence
   * numbers) and, in the same breath, the gaps those losses and stalls left in the data (what the
   * coach saw, in seconds). The summary used to say "1 gap totalling 0.3 s" and the link line
   * "198 lost" two lines apart, as if two events.
   */
  String linkLine(long frames, long lostFrames, long crcFailures, int reconnects) {
    String lost;
    if (lostFrames == 0 && gaps == 0) lost = "none lost";
    else if (gaps == 0) lost = lostFrames + " lost, too few at a time to leave a gap in the data";
    else lost = lostFrames + " lost; " + gapsText();
    return "Link: " + frames + " frames received, " + lost + "; " + crcFailures + " CRC failures, "
        + reconnects + " reconnect(s)";
  }

  private void showTimer(LiveState st, LiveSession.Coaching c) {
    boolean still = c.stillMode() != StillMode.NONE && Double.isFinite(c.stillSinceS());
    if (!still) {
      if (statusShown) clearStatus();
      nextStatusS = Double.NEGATIVE_INFINITY;
      return;
    }
    double heldS = st.tS() - c.stillSinceS();
    if (tty) {
      if (held != null || st.tS() < nextStatusS) return;
      nextStatusS = st.tS() + TTY_STATUS_EVERY_S;
      out.print("\r\033[K" + timerText(st, c, heldS));
      out.flush();
      statusShown = true;
    } else {
      if (Double.isInfinite(nextStatusS)) nextStatusS = c.stillSinceS() + LOG_STATUS_EVERY_S;
      if (st.tS() < nextStatusS) return;
      nextStatusS += LOG_STATUS_EVERY_S;
      line(st.tS(), timerText(st, c, heldS));
    }
  }

  /**
   * A position as the window and the review write it ({@link LiveSession.Coaching#position}): whole
   * centimetres from the landmark known so far ("+8 cm", "0 cm"); to the tenth, one tender spot read
   * "+7.5", "+7.6" and "+7.5 cm" in three lines as the rocking moved its mean. The first line measured
   * from a landmark says which.
   */
  private String cm(double positionCm) {
    LiveSession.Coaching c = coaching != null ? coaching : NO_COACHING;
    String at = c.position(positionCm);
    if (c.frame().landmark() != toldLandmark) {
      toldLandmark = c.frame().landmark();
      frameNote = "  (positions in cm from " + c.frame().landmark().text() + ")";
    }
    return at;
  }

  /** Said once, at the end of the first line measured from a landmark. */
  private String frameNote = "";

  private static final LiveSession.Coaching NO_COACHING =
      new LiveSession.Coaching(StillMode.NONE, Double.NaN, 0, false, 0, new double[0]);
  private com.rollercoach.review.frame.BackFrame.Landmark toldLandmark;

  /**
   * The session's tender spots and hold as {@code sessions show} and {@code analyze} write them, from
   * the session's landmark ({@code frame}, the hold once found), and the sentence saying where that is.
   */
  static java.util.List<String> positionLines(com.rollercoach.core.detect.SessionAnalysis a,
      com.rollercoach.review.frame.BackFrame frame) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (var d : a.dwells()) {
      out.add("  " + com.rollercoach.core.coach.SpotText.of(frame.at(d.positionCm()), frame.directionKnown(),
          d.durationS()));
    }
    for (var h : a.holds()) {
      out.add("  extension hold at " + frame.position(frame.at(h.positionCm())) + ", " + duration(h.durationS()));
    }
    if (!out.isEmpty()) out.add("  " + frame.describe());
    return out;
  }

  private String timerText(LiveState st, LiveSession.Coaching c, double heldS) {
    return switch (c.stillMode()) {
      case HOLD -> String.format(Locale.ROOT, "extension hold %s at %s, %d breaths", duration(heldS),
          cm(st.positionCm()), c.breathsInHold());
      case TENDER_SPOT -> "tender spot " + duration(heldS) + " at " + cm(st.positionCm());
      default -> "holding still " + duration(heldS) + " at " + cm(st.positionCm());
    };
  }

  private String dwellVerdict(double s) {
    if (s < targets.dwellMinS()) return "short of " + duration(targets.dwellMinS());
    if (s > targets.dwellMaxS()) return "longer than " + duration(targets.dwellMaxS());
    return "good";
  }

  /** " since 5:15" when the fact began at another second than the line's time, else nothing. */
  private String since(double ownS, double atS) {
    return clock(ownS).equals(clock(shownAt(atS))) ? "" : " since " + clock(ownS);
  }

  /** ", ended 0:39" for a pass announced at another second than it ended, else nothing. */
  private String ended(double endS, double atS) {
    return clock(endS).equals(clock(shownAt(atS))) ? "" : ", ended " + clock(endS);
  }

  /**
   * The time a line is shown under: its own, or the latest shown if that is later. Lines come from
   * two clocks — samples' times and, for the link cues (no data, lost), the wall clock continued from
   * the last sample — and after stale or replayed device frames, a lost link or a stall the two
   * disagree: the column read 6:59 "No data" then 6:53 "Session done". It now only goes forward.
   */
  private double shownAt(double atS) {
    return Double.isNaN(atS) || atS < latestShownS ? latestShownS : atS;
  }

  private double latestShownS = Double.NEGATIVE_INFINITY;

  /** "4:21–5:15": a span's own times, on the line's clock. */
  private String span(double fromS, double toS) {
    return clock(fromS) + "–" + clock(toS);
  }

  private void line(double atS, String text) {
    atS = shownAt(atS);
    latestShownS = atS;
    print(String.format("%7s  %s", clock(atS), text + frameNote));
    frameNote = "";
  }

  private void clearStatus() {
    if (tty && statusShown) {
      out.print("\r\033[K");
      statusShown = false;
    }
  }

  /** m:ss from the first sample (a cue before any sample, "no data", counts from connecting). */
  private String clock(double tS) {
    return duration(Double.isNaN(t0) ? tS : tS - t0);
  }

  static String duration(double s) {
    long total = Math.round(Math.max(0, s));
    return String.format("%d:%02d", total / 60, total % 60);
  }
}

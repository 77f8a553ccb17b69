package com.rollercoach.cli;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.MotionListener;
import com.rollercoach.core.detect.Phase;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.DeviceStatus;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
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
final class LiveConsole implements MotionListener, LiveObserver {
  /** A gap shorter than this is a couple of lost frames: counted in the summary, not announced. */
  private static final double ANNOUNCED_GAP_S = 0.25;

  private static final double TTY_STATUS_EVERY_S = 0.5;
  private static final double LOG_STATUS_EVERY_S = 30;

  private final PrintStream out;
  private final boolean tty;
  private final CoachingTargets targets;
  private MotionPipeline pipeline;
  private double t0 = Double.NaN;
  private double nextStatusS = Double.NEGATIVE_INFINITY;
  private boolean statusShown;
  private int passes;
  private int rolls;
  private int dwells;
  private int holds;
  private int gaps;
  private double gapSeconds;

  LiveConsole(PrintStream out, boolean tty, CoachingTargets targets) {
    this.out = out;
    this.tty = tty;
    this.targets = targets;
  }

  /** The sink to feed: the pipeline, followed by the timer display after each sample. */
  SampleSink around(MotionPipeline p) {
    this.pipeline = p;
    return new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        if (Double.isNaN(t0)) t0 = s.tS();
        p.accept(s);
        showTimer(p.state());
      }

      @Override
      public void gap(double fromS, double toS, String reason) {
        p.gap(fromS, toS, reason);
      }

      @Override
      public void end() {
        p.end();
        clearStatus();
      }
    };
  }

  @Override
  public void onEvent(MotionEvent e) {
    if (e instanceof MotionEvent.GotOn on) {
      line(on.onS(), "on the roller");
    } else if (e instanceof MotionEvent.GotOff off) {
      line(off.offS(), "off the roller");
    } else if (e instanceof MotionEvent.PassCompleted p) {
      passes = p.passCount();
      rolls = p.rollCount();
      double speed = p.pass().meanSpeedCmS();
      line(p.atS(), String.format(Locale.ROOT, "pass %d %s %.1f cm at %.1f cm/s, roll %d of %d-%d%s",
          p.passCount(), p.pass().direction() > 0 ? "up  " : "down", p.pass().travelCm(), speed,
          p.rollCount(), targets.rollsMin(), targets.rollsMax(),
          speed > targets.paceTooFastCmS() ? "  (slow down)" : ""));
    } else if (e instanceof MotionEvent.StillStarted s) {
      line(s.atS(), String.format(Locale.ROOT, "still at %+.1f cm since %s", s.positionCm(), clock(s.startS())));
    } else if (e instanceof MotionEvent.DwellFound d) {
      dwells++;
      line(d.atS(), String.format(Locale.ROOT, "tender spot held at %+.1f cm for %s (%s)",
          d.dwell().positionCm(), duration(d.dwell().durationS()), dwellVerdict(d.dwell().durationS())));
    } else if (e instanceof MotionEvent.HoldFound h) {
      holds++;
      line(h.atS(), String.format(Locale.ROOT, "extension hold %s with %d breaths (target %s)",
          duration(h.hold().durationS()), h.hold().breaths(), duration(targets.holdTargetS())));
    } else if (e instanceof MotionEvent.BreathDetected b) {
      // Breaths matter in the extension hold; on a terminal the timer line shows them, in a log one
      // line per breath during the hold (a dwell's breaths appear in the 30 s timer lines).
      LiveState st = pipeline == null ? null : pipeline.state();
      if (!tty && st != null && st.phase() == Phase.HOLD) line(b.atS(), "breath " + st.breathsInStill());
    } else if (e instanceof MotionEvent.DataGap g) {
      gaps++;
      gapSeconds += g.toS() - g.fromS();
      if (g.toS() - g.fromS() >= ANNOUNCED_GAP_S) {
        line(g.fromS(), String.format(Locale.ROOT, "no data for %.1f s (%s)", g.toS() - g.fromS(), g.reason()));
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
    message("warning: recording stopped (" + e.getMessage() + "); what was saved so far is kept");
  }

  @Override
  public void processingFailed(RuntimeException e) {
    message("warning: live analysis failed (" + e + "); still recording the raw data");
  }

  @Override
  public void warning(String text) {
    message("warning: " + text);
  }

  @Override
  public void samplesRejected(com.rollercoach.core.sample.SampleValidator.Reason reason, long count) {
    message("warning: " + count + " bad sample(s) dropped (" + reason.text() + ")");
  }

  /** A line that is not tied to a sample time (link state, device). */
  void message(String text) {
    clearStatus();
    out.println("        " + text);
  }

  /** Counts for the end-of-session summary. */
  String countsLine() {
    return String.format(Locale.ROOT, "%d passes, %d rolls (target %d-%d), %d tender spot(s), %d extension hold(s)%s",
        passes, rolls, targets.rollsMin(), targets.rollsMax(), dwells, holds,
        gaps == 0 ? "" : String.format(Locale.ROOT, ", %d gap(s) totalling %.1f s", gaps, gapSeconds));
  }

  private void showTimer(LiveState st) {
    boolean still = (st.phase() == Phase.STILL || st.phase() == Phase.HOLD) && Double.isFinite(st.stillSinceS());
    if (!still) {
      if (statusShown) clearStatus();
      nextStatusS = Double.NEGATIVE_INFINITY;
      return;
    }
    double heldS = st.tS() - st.stillSinceS();
    if (tty) {
      if (st.tS() < nextStatusS) return;
      nextStatusS = st.tS() + TTY_STATUS_EVERY_S;
      out.print("\r\033[K" + timerText(st, heldS));
      out.flush();
      statusShown = true;
    } else {
      if (Double.isInfinite(nextStatusS)) nextStatusS = st.stillSinceS() + LOG_STATUS_EVERY_S;
      if (st.tS() < nextStatusS) return;
      nextStatusS += LOG_STATUS_EVERY_S;
      line(st.tS(), timerText(st, heldS));
    }
  }

  private String timerText(LiveState st, double heldS) {
    String what = st.phase() == Phase.HOLD ? "holding" : "still";
    return String.format(Locale.ROOT, "%s %s at %+.1f cm, %d breaths", what, duration(heldS), st.positionCm(),
        st.breathsInStill());
  }

  private String dwellVerdict(double s) {
    if (s < targets.dwellMinS()) return "short of " + duration(targets.dwellMinS());
    if (s > targets.dwellMaxS()) return "longer than " + duration(targets.dwellMaxS());
    return "good";
  }

  private void line(double atS, String text) {
    clearStatus();
    out.println(String.format("%7s  %s", clock(atS), text));
  }

  private void clearStatus() {
    if (tty && statusShown) {
      out.print("\r\033[K");
      statusShown = false;
    }
  }

  private String clock(double tS) {
    if (Double.isNaN(t0)) t0 = tS;
    return duration(tS - t0);
  }

  static String duration(double s) {
    long total = Math.round(Math.max(0, s));
    return String.format("%d:%02d", total / 60, total % 60);
  }
}

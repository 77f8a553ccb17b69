package com.rollercoach.gui;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.coach.live.LiveCueEngine;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.Phase;
import com.rollercoach.gui.live.LiveFeed;
import com.rollercoach.gui.live.Snapshot;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.summary.SessionSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * A known session played straight into a {@link LiveFeed}, standing in for the pipeline so view tests
 * know exactly what must be on screen at every moment. The script, at 200 Hz:
 *
 * <ul>
 *   <li>0–5 s off the roller, 5–8 s getting on;
 *   <li>from 8 s, passes of 20 cm between 0 and +20 cm at 2.5 cm/s (8 s each);
 *   <li>after 6 passes (3 rolls, t = 56 s), a dwell at +12 cm for 70 s (until 126 s), pipeline still
 *       from 57 s;
 *   <li>then passes again until 20 passes (10 rolls) at t = 238 s;
 *   <li>then the extension hold at +10 cm from 239 s (breath every 6 s) until 309 s; off at 310 s.
 * </ul>
 */
final class ScriptedSession {
  static final double RATE_HZ = 200;
  static final double PASS_S = 8;
  static final double DWELL_FROM = 56;
  static final double DWELL_STILL_SINCE = 57;
  static final double DWELL_TO = 126;
  static final double HOLD_FROM = 238;
  static final double HOLD_STILL_SINCE = 239;
  static final double HOLD_TO = 309;
  static final double END = 312;

  private final LiveFeed feed;
  private final CoachingTargets targets;
  private final LiveCueEngine cues;
  private final AnalysisCollector tally = new AnalysisCollector();
  private final List<MotionEvent> events = new ArrayList<>();
  private double t = -1 / RATE_HZ;
  private int passes;
  private long samples;
  private boolean dwellReported;
  private boolean on;
  private boolean off;

  ScriptedSession(LiveFeed feed, CoachingTargets targets) {
    this.feed = feed;
    this.targets = targets;
    this.cues = new LiveCueEngine(Prescription.protocolDefault(), 15, feed::cue);
    feed.link(new LinkStatus(LinkStatus.State.CONNECTED, "scripted session", 0));
  }

  /** Plays the script up to time {@code until}. */
  void advanceTo(double until) {
    while (t + 1 / RATE_HZ <= until + 1e-9) {
      t += 1 / RATE_HZ;
      step(t);
    }
  }

  void finish() {
    var a = tally.analysis(0, t);
    feed.finish(new SessionSummary("scripted session", a, targets, new SessionCoach(targets).judge(a), samples, 0));
  }

  List<MotionEvent> events() {
    return events;
  }

  private void emit(MotionEvent e) {
    events.add(e);
    tally.onEvent(e);
    cues.onEvent(e);
    feed.event(e);
  }

  /** Pass number k (1-based) ends at this time. */
  private static double passEnd(int k) {
    return k <= 6 ? 8 + PASS_S * k : DWELL_TO + PASS_S * (k - 6);
  }

  /** Start and end positions of pass k (1-based): up 0→20, down 20→0; pass 7 leaves the dwell. */
  private static double[] passSpan(int k) {
    if (k == 7) {
      return new double[] {12, 20};
    }
    return k % 2 == 1 ? new double[] {0, 20} : new double[] {20, 0};
  }

  private static double position(double t) {
    if (t < 8) {
      return 0;
    }
    if (t >= DWELL_FROM && t < DWELL_TO) {
      return Math.min(12, (t - DWELL_FROM) * 12); // pass 6 ended at 0: to +12 in a second, stay
    }
    if (t >= HOLD_FROM) {
      // pass 20 ended at 0: to mid back (+8.5) in 0.6 s, a pause, then the hips drop: the roller
      // rolls +1.5 cm (11°) over 1.2 s; breathing then rocks it a little
      double x = t - HOLD_FROM;
      double f = Math.max(0, Math.min(1, (x - 0.8) / 1.2));
      double drop = 1.5 * f * f * f * (10 - 15 * f + 6 * f * f);
      return Math.min(8.5, x / 0.6 * 8.5) + drop + 0.02 * Math.sin(2 * Math.PI * t / 6);
    }
    for (int k = 1; k <= 20; k++) {
      if (t < passEnd(k)) {
        double[] span = passSpan(k);
        double frac = (t - (passEnd(k) - PASS_S)) / PASS_S;
        return span[0] + (span[1] - span[0]) * frac;
      }
    }
    return 0;
  }

  private void step(double now) {
    samples++;
    if (!on && !off && now >= 5) {
      on = true;
      emit(new MotionEvent.GotOn(now, 5));
    }
    int due = passes;
    while (passEnd(due + 1) <= now + 1e-9 && due < 20) {
      due++;
    }
    while (passes < due) {
      passes++;
      double end = passEnd(passes);
      double[] span = passSpan(passes);
      Pass p = new Pass(passes, end - PASS_S, end, span[0], span[1]);
      emit(new MotionEvent.PassCompleted(end, p, passes, passes / 2));
    }
    if (!dwellReported && now >= passEnd(7)) {
      dwellReported = true;
      emit(new MotionEvent.DwellFound(now, new Dwell(DWELL_STILL_SINCE, DWELL_TO, 12)));
    }
    double stillSince = Double.NaN;
    Phase phase;
    int breaths = 0;
    if (now < 5) {
      phase = Phase.OFF_ROLLER;
    } else if (now < 8) {
      phase = Phase.GETTING_ON;
    } else if (now >= DWELL_STILL_SINCE + 8 && now < DWELL_TO) {
      phase = Phase.STILL;
      stillSince = DWELL_STILL_SINCE;
    } else if (now >= HOLD_STILL_SINCE + 8 && now < HOLD_TO) {
      phase = now - HOLD_STILL_SINCE >= 20 ? Phase.HOLD : Phase.STILL;
      stillSince = HOLD_STILL_SINCE;
      breaths = (int) ((now - HOLD_STILL_SINCE) / 6);
    } else if (now >= HOLD_TO) {
      phase = now >= 310 ? Phase.DONE : Phase.OFF_ROLLER;
      if (on && now >= 310) {
        on = false;
        off = true;
        emit(new MotionEvent.HoldFound(now,
            new ExtensionHold(HOLD_STILL_SINCE, HOLD_TO, 10, 11, 10)));
        emit(new MotionEvent.GotOff(now, 310));
      }
    } else {
      phase = Phase.ROLLING;
    }
    double s = position(now);
    double v = (position(now + 0.01) - position(now - 0.01)) / 0.02;
    LiveState state = new LiveState(now, s, v, phase, on, passes, passes / 2, stillSince, breaths, Double.NaN);
    cues.onState(state);
    feed.trace().add(now, s, v);
    double[] range = cues.startingRangeCm();
    feed.publish(new Snapshot(state, new com.rollercoach.live.LiveSession.Coaching(cues.stillMode(),
        cues.stillSinceS(), cues.breathsInHold(), cues.holdDone(), cues.rolls(), range, cues.lastPassSpeedCmS(),
        com.rollercoach.review.frame.BackFrame.unknownDirection(
            com.rollercoach.review.frame.BackFrame.Landmark.ROLLING_START, 0)),
        range.length == 2 ? range[0] : Double.NaN, range.length == 2 ? range[1] : Double.NaN,
        cues.lastPassSpeedCmS(), feed.snapshot().link(), samples));
  }
}

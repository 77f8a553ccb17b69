package com.rollercoach.sim;

import static com.rollercoach.sim.Person.between;

import com.rollercoach.sim.SessionScript.Shock;
import com.rollercoach.sim.SessionScript.YawTurn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Turns a {@link Person} into a session timeline: off on the floor, getting on, sets of strokes with
 * pauses and dwells, the hip drop into the extension hold, getting off, the roller rolling away.
 *
 * <p>Every deliberate movement the script makes is either clearly a stroke (≥ {@value
 * #MIN_STROKE_CM} cm) or clearly not one (≤ {@value #MAX_NUDGE_CM} cm): with a roller compressing by
 * a few per cent under load and sensor scale errors of a few per cent, a 5.0 cm stroke is not
 * measurable as "a pass" or "no pass" by any sensor, and a benchmark of the detectors should not hinge
 * on that coin toss. The 2 cm hysteresis and the 5 cm threshold are still exercised by the nudges
 * (2.5–3.5 cm), hip drops and the rocking on tender spots.
 */
public final class SessionPlanner {
  /** Shortest scripted stroke. */
  public static final double MIN_STROKE_CM = 6.0;

  /** Longest scripted adjustment that is not meant as a stroke. */
  public static final double MAX_NUDGE_CM = 3.5;

  private final Person person;
  private final RandomGenerator rnd;
  private final List<ScriptedPhase> phases = new ArrayList<>();
  private final List<Shock> shocks = new ArrayList<>();
  private final List<YawTurn> yawTurns = new ArrayList<>();
  private double t;
  private double s;
  private boolean weightShifts;

  public SessionPlanner(Person person, RandomGenerator rnd) {
    this.person = person;
    this.rnd = rnd;
  }

  /**
   * Holds and long dwells get 1–3 weight shifts of 0.5–1.2 cm (over 1–2.5 s each), always staying
   * within ±1.2 cm of where the still began, so the segment stays one still-loaded segment.
   */
  public SessionPlanner withWeightShifts(boolean on) {
    this.weightShifts = on;
    return this;
  }

  /** The person's session. */
  public SessionScript plan() {
    return plan(0);
  }

  /**
   * The person's session, with extra sets appended until it lasts at least {@code minDurationS}
   * (long sessions for the speed and memory benchmarks).
   */
  public SessionScript plan(double minDurationS) {
    idle(between(rnd, 4, 20));
    int dwellsLeft = person.dwells();
    for (int set = 0; set < person.sets() || t < minDurationS; set++) {
      boolean lastPlanned = set >= person.sets() - 1;
      int rolls = person.rollsPerSet().get(Math.min(set, person.sets() - 1));
      int dwellsHere;
      if (set < person.sets() - 1) {
        dwellsHere = rnd.nextInt(dwellsLeft + 1);
      } else if (set == person.sets() - 1) {
        dwellsHere = dwellsLeft;
      } else {
        dwellsHere = rnd.nextInt(2); // extra sets of a long session
      }
      dwellsLeft = Math.max(0, dwellsLeft - dwellsHere);
      getOn();
      rest(PhaseKind.SETTLING, between(rnd, 1, 4));
      rollSet(2 * rolls, dwellsHere);
      if (person.hold() && lastPlanned) {
        extensionHold();
      } else {
        rest(PhaseKind.PAUSE, between(rnd, 0.5, 4));
      }
      getOff();
      if (rnd.nextDouble() < 0.4) rollAway();
      boolean more = set + 1 < person.sets() || t < minDurationS;
      idle(more ? between(rnd, 15, 90) : between(rnd, 3, 15));
    }
    return new SessionScript(phases, shocks, yawTurns);
  }

  private void rollSet(int strokes, int dwells) {
    Set<Integer> dwellAt = new HashSet<>();
    while (dwellAt.size() < dwells && strokes > 5) dwellAt.add(2 + rnd.nextInt(strokes - 4));
    int dir = rnd.nextBoolean() ? 1 : -1;
    double length = person.strokeCm();
    double centre = s + dir * length / 2;
    for (int i = 0; i < strokes; i++) {
      double end = centre + dir * (length / 2) * (1 + person.strokeJitter() * rnd.nextGaussian());
      if (dir * (end - s) < MIN_STROKE_CM) end = s + dir * MIN_STROKE_CM;
      boolean flip = true;
      if (dwellAt.contains(i)) {
        end = s + dir * Math.max(MIN_STROKE_CM, between(rnd, 0.5, 1.0) * Math.abs(end - s));
        stroke(end);
        dwell(dir);
        double rest = Math.abs(centre + dir * length / 2 - s);
        flip = rnd.nextDouble() < 0.8 || rest < MIN_STROKE_CM + 1;
      } else {
        stroke(end);
        if (rnd.nextDouble() < person.pauseProbability()) {
          rest(PhaseKind.PAUSE, between(rnd, 0.3, person.pauseMaxS()));
        }
      }
      if (flip) dir = -dir;
      centre += person.rangeDriftCm() * rnd.nextGaussian();
      length += person.rangeGrowthCm();
    }
  }

  /** One stroke to {@code end}, at the person's pace, sometimes in pieces with stops inside. */
  private void stroke(double end) {
    int pieces = rnd.nextDouble() < person.splitStrokeProbability() ? 2 + rnd.nextInt(2) : 1;
    double from = s;
    for (int k = 1; k <= pieces; k++) {
      double to = from + (end - from) * k / pieces;
      double jitter = Math.max(0.75, Math.min(1.25, 1 + 0.12 * rnd.nextGaussian()));
      double duration = Math.max(0.4, Math.abs(to - s) / person.paceCmS() * jitter);
      glide(to, duration, between(rnd, 0.4, 1.2));
      if (k < pieces) rest(PhaseKind.PAUSE, between(rnd, 0.2, 1.5));
    }
  }

  /** Finds the tender spot (sometimes nudging back onto it), then holds it, maybe rocking. */
  private void dwell(int dir) {
    if (rnd.nextDouble() < 0.3) {
      move(PhaseKind.STROKE, s - dir * between(rnd, 2.5, MAX_NUDGE_CM), between(rnd, 1.0, 2.0));
    }
    double duration = between(rnd, person.dwellMinS(), person.dwellMaxS());
    if (rnd.nextDouble() < person.rockingProbability()) {
      double peakToPeak = between(rnd, 0.5, 1.4);
      double cycles = Math.max(2, Math.round(duration * between(rnd, 0.25, 0.6)));
      phases.add(
          new ScriptedPhase(
              PhaseKind.DWELL,
              new Motion.Rocking(t, t + duration, s, peakToPeak / 2, cycles / duration),
              peakToPeak));
      t += duration;
    } else {
      stillWithShifts(PhaseKind.DWELL, duration);
    }
  }

  /**
   * Rolls to mid back (the middle of the range used), drops the hips, and holds. The move to mid back
   * is a stroke if it is long enough, else a small adjustment.
   */
  private void extensionHold() {
    double mid = midOfRange();
    double d = mid - s;
    if (Math.abs(d) >= MIN_STROKE_CM) {
      stroke(mid);
    } else if (Math.abs(d) > 0.3) {
      double to = s + Math.signum(d) * Math.min(Math.abs(d), MAX_NUDGE_CM);
      move(PhaseKind.STROKE, to, between(rnd, 1.0, 2.5));
    }
    double drop = (rnd.nextBoolean() ? 1 : -1) * between(rnd, 0.5, 1.8);
    double dropS = between(rnd, 0.8, 2.0);
    shocks.add(
        new Shock(t + dropS * 0.7, between(rnd, 0.1, 0.5), between(rnd, 3, 8), between(rnd, 0.1, 0.25)));
    move(PhaseKind.HIP_DROP, s + drop, dropS);
    stillWithShifts(PhaseKind.HOLD, person.holdS());
  }

  private double midOfRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = phases.size() - 1; i >= 0; i--) {
      ScriptedPhase p = phases.get(i);
      if (p.kind() == PhaseKind.GETTING_ON) break;
      if (p.kind() == PhaseKind.STROKE) {
        lo = Math.min(lo, p.motion().endPosition());
        hi = Math.max(hi, p.motion().endPosition());
      }
    }
    return Double.isFinite(lo) ? (lo + hi) / 2 : s;
  }

  /** Lying back onto the roller: 2–4 quick shuffles of up to ±3 cm, a landing shock, a small yaw. */
  private void getOn() {
    double start = t;
    double home = s;
    int moves = 2 + rnd.nextInt(3);
    for (int i = 0; i < moves; i++) {
      double to = i == moves - 1 ? home + between(rnd, -1, 1) : home + between(rnd, -3, 3);
      move(PhaseKind.GETTING_ON, to, between(rnd, 0.3, 0.8));
    }
    shocks.add(
        new Shock(
            start + (t - start) * between(rnd, 0.3, 0.6),
            between(rnd, 0.3, 1.5),
            between(rnd, 3, 8),
            between(rnd, 0.1, 0.3)));
    yawTurns.add(new YawTurn(start, t, between(rnd, -4, 4)));
  }

  /** Sitting up and off: 1–3 shoves of up to ±4 cm, an unloading shock, a small yaw. */
  private void getOff() {
    double start = t;
    int moves = 1 + rnd.nextInt(3);
    for (int i = 0; i < moves; i++) {
      move(PhaseKind.GETTING_OFF, s + between(rnd, -4, 4), between(rnd, 0.3, 0.8));
    }
    shocks.add(
        new Shock(
            start + (t - start) * between(rnd, 0.4, 0.8),
            between(rnd, 0.3, 1.2),
            between(rnd, 3, 8),
            between(rnd, 0.1, 0.3)));
    yawTurns.add(new YawTurn(start, t, between(rnd, -4, 4)));
  }

  private void rollAway() {
    double speed = (rnd.nextBoolean() ? 1 : -1) * between(rnd, 15, 60);
    double decel = between(rnd, 40, 100);
    double duration = Math.abs(speed) / decel + 0.2;
    Motion.Coasting c = new Motion.Coasting(t, t + duration, s, speed, decel);
    phases.add(new ScriptedPhase(PhaseKind.ROLLING_AWAY, c));
    t += duration;
    s = c.endPosition();
  }

  /** A still phase, with weight shifts inside when the session has them (see {@link #withWeightShifts}). */
  private void stillWithShifts(PhaseKind kind, double duration) {
    if (!weightShifts || duration < 20) {
      rest(kind, duration);
      return;
    }
    double home = s;
    double end = t + duration;
    int shifts = 1 + rnd.nextInt(3);
    for (int i = 0; i < shifts; i++) {
      double restFor = between(rnd, 4, Math.max(4.5, (end - t) / (shifts - i + 1)));
      double moveFor = between(rnd, 1.0, 2.5);
      if (t + restFor + moveFor > end - 3) break;
      rest(kind, restFor);
      double to = home + (rnd.nextBoolean() ? 1 : -1) * between(rnd, 0.5, 1.2);
      phases.add(new ScriptedPhase(kind, new Motion.MinimumJerkMove(t, t + moveFor, s, to)));
      t += moveFor;
      s = to;
    }
    rest(kind, end - t);
  }

  private void idle(double duration) {
    rest(PhaseKind.IDLE, duration);
  }

  private void rest(PhaseKind kind, double duration) {
    phases.add(new ScriptedPhase(kind, new Motion.Rest(t, t + duration, s)));
    t += duration;
  }

  private void glide(double to, double duration, double rampS) {
    phases.add(new ScriptedPhase(PhaseKind.STROKE, new Motion.Glide(t, t + duration, s, to, rampS)));
    t += duration;
    s = to;
  }

  private void move(PhaseKind kind, double to, double duration) {
    phases.add(new ScriptedPhase(kind, new Motion.MinimumJerkMove(t, t + duration, s, to)));
    t += duration;
    s = to;
  }
}

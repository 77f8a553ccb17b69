package com.rollercoach.sim;

import com.rollercoach.sim.ReferenceStrokeSegmenter.Stroke;
import com.rollercoach.sim.SessionScript.LoadPeriod;
import com.rollercoach.sim.SessionTruth.DwellTruth;
import com.rollercoach.sim.SessionTruth.HoldTruth;
import com.rollercoach.sim.SessionTruth.PassSpan;
import com.rollercoach.sim.SessionTruth.Period;
import com.rollercoach.sim.SessionTruth.PhaseSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@code definitions.md} to the true s(t) of a simulated session.
 *
 * <ul>
 *   <li>Passes: the reference stroke rules over each stay on the roller, from the end of the get-on
 *       jostle to the start of getting off (jostles are not strokes), sampled at 100 Hz.
 *   <li>Still-loaded segments: runs of scripted phases in which the person lies on the roller without
 *       moving it on purpose (settling, pauses, dwells, the hold). The script knows when the roller
 *       stopped and started moving, which are the boundaries the definition asks for; the run is a
 *       segment if it lasts ≥ 8 s and s stays within a 3 cm band throughout.
 *   <li>Dwell: a segment that a pass follows (a pass ends after it) in the same stay; extension hold: a
 *       segment of ≥ 20 s that none follows; else neither.
 *   <li>Breaths: inhale onsets inside the hold.
 * </ul>
 */
final class TruthBuilder {
  static final double STILL_BAND_CM = 3.0;
  static final double STILL_MIN_S = 8.0;
  static final double HOLD_MIN_S = 20.0;
  private static final double STEP_S = 0.01;

  private final SimulatedSession session;
  private final SessionScript script;

  TruthBuilder(SimulatedSession session) {
    this.session = session;
    this.script = session.script();
  }

  SessionTruth build(boolean withTrace) {
    List<Stroke> allPasses = new ArrayList<>();
    List<Period> onPeriods = new ArrayList<>();
    List<DwellTruth> dwells = new ArrayList<>();
    List<HoldTruth> holds = new ArrayList<>();
    List<Period> otherStill = new ArrayList<>();
    int rolls = 0;
    for (LoadPeriod lp : script.loadPeriods()) {
      onPeriods.add(new Period(dev(lp.onS()), dev(lp.offS())));
      List<Stroke> passes = ReferenceStrokeSegmenter.passes(strokes(lp.settledS(), lp.leavingS()));
      allPasses.addAll(passes);
      rolls += ReferenceStrokeSegmenter.rolls(passes);
      for (double[] seg : stillSegments(lp)) {
        double start = seg[0];
        double end = seg[1];
        boolean passFollows = passes.stream().anyMatch(p -> p.endS() > end);
        if (passFollows) {
          ScriptedPhase dwell = dwellPhaseIn(start, end);
          dwells.add(
              new DwellTruth(
                  dev(start), dev(end), seg[2], dwell == null ? 0 : dwell.rockingPeakToPeakCm()));
        } else if (end - start >= HOLD_MIN_S) {
          List<Double> onsets =
              session.body().breathOnsets(start, end).stream().map(this::dev).toList();
          double perMin = onsets.size() / ((end - start) / 60);
          holds.add(new HoldTruth(dev(start), dev(end), seg[2], onsets.size(), perMin, onsets));
        } else {
          otherStill.add(new Period(dev(start), dev(end)));
        }
      }
    }
    List<PassSpan> spans =
        allPasses.stream()
            .map(p -> new PassSpan(dev(p.startS()), dev(p.endS()), p.fromCm(), p.toCm(), p.travelCm()))
            .toList();
    List<PhaseSpan> phases =
        script.phases().stream()
            .map(p -> new PhaseSpan(p.kind().name(), dev(p.startS()), dev(p.endS())))
            .toList();
    List<Period> gaps = session.gaps().stream().map(g -> new Period(dev(g[0]), dev(g[1]))).toList();
    DeviceSetup d = session.device();
    SessionTruth.Sensor sensor =
        new SessionTruth.Sensor(
            d.imu().name(),
            d.link().name(),
            d.gyroFullScaleDps(),
            d.accelFullScaleG(),
            session.mount().distanceCm(),
            session.mount().axisInSensor(),
            session.errors().gyroBiasDps(),
            session.errors().accelBiasG(),
            session.clockOffsetS(),
            session.clockPpm());
    return new SessionTruth(
        SessionTruth.FORMAT,
        session.spec().seed(),
        session.person().archetype().cliName(),
        d.name(),
        d.rateHz(),
        session.nominalDiameterCm(),
        2 * session.effectiveRadiusCm(),
        script.endS(),
        allPasses.size(),
        rolls,
        spans,
        onPeriods,
        dwells,
        holds,
        otherStill,
        phases,
        gaps,
        sensor,
        withTrace ? trace() : null);
  }

  private double dev(double physicalS) {
    return session.deviceTime(physicalS);
  }

  private ScriptCursor cursor() {
    return new ScriptCursor(script, session.body(), session.effectiveRadiusCm());
  }

  private List<Stroke> strokes(double from, double to) {
    ReferenceStrokeSegmenter seg = new ReferenceStrokeSegmenter();
    ScriptCursor c = cursor();
    long n = (long) Math.floor((to - from) / STEP_S);
    for (long i = 0; i <= n; i++) {
      double t = from + i * STEP_S;
      seg.accept(t, c.positionCm(t));
    }
    if (from + n * STEP_S < to) seg.accept(to, c.positionCm(to));
    return seg.finish();
  }

  /** [start, end, position] of each still-loaded segment in one stay. */
  private List<double[]> stillSegments(LoadPeriod lp) {
    List<double[]> out = new ArrayList<>();
    List<ScriptedPhase> phases = script.phases();
    int i = 0;
    while (i < phases.size()) {
      ScriptedPhase p = phases.get(i);
      if (!isRestOnRoller(p, lp)) {
        i++;
        continue;
      }
      double start = p.startS();
      double end = p.endS();
      while (i + 1 < phases.size() && isRestOnRoller(phases.get(i + 1), lp)) {
        end = phases.get(++i).endS();
      }
      i++;
      if (end - start < STILL_MIN_S) continue;
      double[] band = band(start, end);
      if (band[1] - band[0] <= STILL_BAND_CM) {
        out.add(new double[] {start, end, (band[0] + band[1]) / 2});
      }
    }
    return out;
  }

  private static boolean isRestOnRoller(ScriptedPhase p, LoadPeriod lp) {
    return p.kind().loaded()
        && !p.kind().moving()
        && p.startS() >= lp.settledS()
        && p.endS() <= lp.leavingS();
  }

  private double[] band(double from, double to) {
    ScriptCursor c = cursor();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double t = from; t <= to; t += STEP_S) {
      double s = c.positionCm(t);
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
    return new double[] {lo, hi};
  }

  private ScriptedPhase dwellPhaseIn(double from, double to) {
    for (ScriptedPhase p : script.phases()) {
      if (p.kind() == PhaseKind.DWELL && p.startS() >= from && p.endS() <= to) return p;
    }
    return null;
  }

  private List<double[]> trace() {
    List<double[]> out = new ArrayList<>();
    ScriptCursor c = cursor();
    for (double t = 0; t <= script.endS(); t += 0.1) {
      out.add(new double[] {round(dev(t), 1e-3), round(c.positionCm(t), 1e-3)});
    }
    return out;
  }

  private static double round(double v, double q) {
    return Math.rint(v / q) * q;
  }
}

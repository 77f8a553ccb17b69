package com.rollercoach.core.signal;

/**
 * Tells a vibrating roller's button knock from a body's jolt. Switching the motor on or off knocks
 * the shell (an accelerometer shock like any other), and the steady shaking then appears or vanishes:
 * the high-frequency energy of the specific force (the vector minus its {@value #HP_TAU_S} s
 * low-pass, whatever the direction the motor shakes in: a rolling body turns gravity through the
 * sensor far slower than a 25–70 Hz motor) changes by orders of magnitude, from the sensor's floor to tenths of a g. A body
 * getting on or off a running roller only loads or unloads it, which damps or frees the shaking by a
 * small factor. So a shock is a motor switch when the energy in the {@value #WINDOW_S} s after it
 * (from {@value #SETTLE_S} s on, past the knock's own ringing) differs from the energy in the
 * {@value #WINDOW_S} s before it by at least {@value #RATIO}× (an amplitude factor of 5), with the
 * louder side at least {@value #MIN_MOTOR_G} g RMS, steady over that window (every quarter of it within {@value #STEADY}× of every other), and no further jolt after the knock's ring (a
 * body shoving and landing jolts again; its energy is not a motor's). The answer comes {@value #SETTLE_S} + {@value
 * #WINDOW_S} s after the shock. At a low sample rate the motor is aliased and may look slow; then
 * nothing is recognised and the shock stays a shock.
 */
public final class MotorSwitch {
  static final double WINDOW_S = 1.0;
  static final double SETTLE_S = 0.5;
  static final double RATIO = 25.0;
  static final double MIN_MOTOR_G = 0.05;
  /**
   * Most the quarters of the loud window may differ in energy. A motor's speed is steady within a
   * second (a small eccentric-mass motor spins up in about 0.1 s, and the window starts {@value
   * #SETTLE_S} s after the knock): its quarters agree within ~1.5× even at 25 Hz (the simulator's
   * switches: 1.05–1.45×). A body's movement comes and goes within the second: a roll-away after a
   * gentle get-off filled one quarter 300× more than the last and passed when only halves were
   * compared (3.4×), so the get-off was taken for a motor and forgotten.
   */
  static final double STEADY = 4.0;
  static final int STEADY_PARTS = 4;
  private static final int CAPACITY = 8192;

  private final double[] t = new double[CAPACITY];
  private final double[] e = new double[CAPACITY];
  /** The same samples' residual at every frequency ({@link RestShaking#residual2()}). */
  private final double[] eAll = new double[CAPACITY];
  private long n;
  private int head;
  static final double HP_TAU_S = 0.05;
  private final double[] low = {Double.NaN, Double.NaN, Double.NaN};
  private double prevT = Double.NaN;
  private double candidateS = Double.NaN;
  private boolean burst;

  /**
   * One raw sample: its time, specific force (g) and whether a shock starts here.
   *
   * @param allBand2 the sample's squared residual at every frequency above ≈ 0.3 Hz ({@link
   *     RestShaking#residual2()}, g²; NaN when not known)
   * @return the time of a shock now recognised as a motor switch, NaN if none
   */
  public double update(
      double tS, double ax, double ay, double az, double allBand2, boolean shockStarts) {
    if (Double.isNaN(low[0])) {
      low[0] = ax;
      low[1] = ay;
      low[2] = az;
    }
    double dt = Double.isNaN(prevT) ? 0 : tS - prevT;
    prevT = tS;
    if (dt > RollAngleTracker.SNAP_GAP_S) {
      // across a gap the high-pass restarts on this sample (its residual is zero), which says
      // nothing about the shaking: no energy is recorded for it
      low[0] = ax;
      low[1] = ay;
      low[2] = az;
      return Double.NaN;
    }
    double k = Math.min(1, Math.max(0, dt) / HP_TAU_S);
    low[0] += k * (ax - low[0]);
    low[1] += k * (ay - low[1]);
    low[2] += k * (az - low[2]);
    double dx = ax - low[0];
    double dy = ay - low[1];
    double dz = az - low[2];
    double d2 = dx * dx + dy * dy + dz * dz;
    int i = head; // == n % CAPACITY, without a long division per raw sample (C1 keeps it)
    head = head + 1 == CAPACITY ? 0 : head + 1;
    n++;
    t[i] = tS;
    e[i] = d2;
    eAll[i] = allBand2;
    if (shockStarts) {
      if (Double.isNaN(candidateS)) candidateS = tS;
      else if (tS > candidateS + SETTLE_S) burst = true;
    }
    if (Double.isNaN(candidateS) || tS < candidateS + SETTLE_S + WINDOW_S) return Double.NaN;
    double shock = candidateS;
    candidateS = Double.NaN;
    // another jolt after the first one's ring: a body shoving and landing, and the energy after it
    // is that jolt's, not a motor's
    boolean anotherJolt = burst;
    burst = false;
    if (anotherJolt) return Double.NaN;
    double before = mean(e, shock - WINDOW_S - 0.25, shock - 0.25);
    double after = mean(e, shock + SETTLE_S, shock + SETTLE_S + WINDOW_S);
    if (Double.isNaN(before) || Double.isNaN(after)) return Double.NaN;
    double loud = Math.max(before, after);
    double quiet = Math.min(before, after);
    boolean motor = loud >= MIN_MOTOR_G * MIN_MOTOR_G && loud >= RATIO * quiet;
    if (motor && aliasedOnQuietSide(shock, after >= before)) return Double.NaN;
    // a motor shakes steadily: both halves of its loud window carry about the same energy, where
    // the ring of another jolt fills only part of it
    double from = after >= before ? shock + SETTLE_S : shock - WINDOW_S - 0.25;
    double part = WINDOW_S / STEADY_PARTS;
    double quietest = Double.POSITIVE_INFINITY;
    double loudest = 0;
    int parts = 0;
    for (int q = 0; q < STEADY_PARTS; q++) {
      double m = mean(e, from + q * part, from + (q + 1) * part);
      if (Double.isNaN(m)) continue; // no sample in it (a rate below 4 Hz): judged on the others
      quietest = Math.min(quietest, m);
      loudest = Math.max(loudest, m);
      parts++;
    }
    boolean steady = parts >= 2 && loudest <= STEADY * quietest;
    return motor && steady ? shock : Double.NaN;
  }

  /**
   * Whether a motor was running on the quiet side all along, aliased under the high-pass: a 25–52 Hz
   * sensor sees a 25–70 Hz motor anywhere between 0 and half its rate, and a load that slows the
   * motor by a few per cent moves that line. A 52 Hz sensor read a loaded motor at 0.04 g above 3 Hz
   * and the freed one at 0.33 g, 68× the energy, so getting off looked like switching the motor on
   * and the get-off's shock was forgotten (seed 21000130, `vibration-after-off`). At every frequency
   * the same samples read 0.18 and 0.65 g: the motor ran on both sides. So when the quiet side shakes
   * by {@link #MIN_MOTOR_G} g or more at every frequency and the all-band energies differ by less
   * than {@link #RATIO}×, it was not a switch. (A switch-on's quiet side at every frequency is the
   * roller at rest or rolling, ≲ 0.03 g: its translation r·α and the sensor's ω²d, α·d.)
   */
  private boolean aliasedOnQuietSide(double shock, boolean louderAfter) {
    double before = mean(eAll, shock - WINDOW_S - 0.25, shock - 0.25);
    double after = mean(eAll, shock + SETTLE_S, shock + SETTLE_S + WINDOW_S);
    if (Double.isNaN(before) || Double.isNaN(after)) return false;
    double quiet = louderAfter ? before : after;
    double loud = louderAfter ? after : before;
    return quiet >= MIN_MOTOR_G * MIN_MOTOR_G && loud < RATIO * quiet;
  }

  private double mean(double[] e, double fromS, double toS) {
    double sum = 0;
    int count = 0;
    for (long k = n - 1; k >= Math.max(0, n - CAPACITY); k--) {
      int i = (int) (k % CAPACITY);
      if (t[i] < fromS) break;
      if (t[i] <= toS && !Double.isNaN(e[i])) {
        sum += e[i];
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}

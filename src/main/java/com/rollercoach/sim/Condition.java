package com.rollercoach.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Ways real rollers, sensors and people differ from the ordinary simulated session (issue 10). Each is
 * modelled from the physics of the product, never from the detectors; a session may combine several
 * (see {@link #mix}).
 */
public enum Condition {
  /** Vibrating roller: the eccentric-mass motor is running before the person lies down, switched off after. */
  VIBRATION_BEFORE_ON("motor on before get-on, switched off after get-off"),
  /** Vibrating roller: the motor is switched on mid-set (a button knock) and off again later. */
  VIBRATION_MID_SET("motor switched on (and off) mid-set with a button knock"),
  /** Vibrating roller: switched on mid-set and left running after the person gets off. */
  VIBRATION_AFTER_OFF("motor switched on mid-set and left on after get-off"),
  /** Textured (grid) foam: the ridges bump the roller's centre as it rolls. */
  GRID_FOAM("grid/ridged foam: vertical bumps at speed/pitch while rolling"),
  /** A 25 Hz stream (cheap BLE boards). */
  RATE_25_HZ("25 Hz sampling"),
  /** 400–1000 Hz sampling. */
  RATE_HIGH("400-1000 Hz sampling"),
  /** BLE delivery: 100–250 ms stalls delivered late in a burst, some real loss, repeated stamps. */
  BLE_STALLS("BLE stalls of 0.1-0.25 s then bursts, repeated and re-sent rows, some real loss"),
  /** A ±250 °/s gyro and ±2 g accelerometer in a small (6–8 cm) roller: both clip. */
  CLIPPING("+-250 deg/s gyro and +-2 g accel in a 6-8 cm roller (both clip)"),
  /** A large gyro warm-up drift (1–3 °/s over 1–3 min). */
  WARMUP_BIAS("gyro warm-up drift of 1-3 deg/s, tau 60-200 s"),
  /** The roller lies on a slope or a mat edge: its axis is 5–15° off horizontal. */
  TILTED_ROLLER("roller axis tilted 5-15 deg from horizontal"),
  /** The sensor sits near the shell, 70–95 % of the radius from the axis. */
  SENSOR_OFF_AXIS("sensor 70-95 % of the radius off the axis"),
  /** Very shallow or very deep breathers, with sighs. */
  BREATHERS("shallow (0.1-0.2 deg) or deep (1.5-3 deg) breathing, sighs every 30-90 s, each followed by a pause"),
  /** Weight shifts of 0.5–1.2 cm inside holds and dwells (staying in the 3 cm band). */
  WEIGHT_SHIFTS("weight shifts of 0.5-1.2 cm inside holds and long dwells"),
  /** An analog gyro 3.3x noisier than the noisiest MEMS part of the others (see {@link ImuModel}). */
  NOISY_GYRO("noisy analog gyro board (ADXRS610 + ADXL335, 0.05 deg/s/rtHz)"),
  /**
   * Slow, relaxed breathing in the hold, 4–6 breaths a minute (the slow deep breathing of relaxation
   * and "resonance" breathing at about 6 a minute; the others breathe 6–12 a minute there). Not part
   * of {@link #mix}, so the mixed setup's draws are those of round 4.
   */
  SLOW_BREATHING("slow relaxed breathing in the hold, 4-6 breaths a minute");

  private final String description;

  Condition(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Condition parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public boolean vibration() {
    return this == VIBRATION_BEFORE_ON || this == VIBRATION_MID_SET || this == VIBRATION_AFTER_OFF;
  }

  /**
   * Two or three conditions the way people combine them: one roller (plain, grid or vibrating), one
   * board (rate, link, ranges, bias) and one body or placement trait; conflicting ones never together.
   */
  public static Set<Condition> mix(RandomGenerator rnd) {
    List<Condition> roller =
        List.of(GRID_FOAM, VIBRATION_BEFORE_ON, VIBRATION_MID_SET, VIBRATION_AFTER_OFF, TILTED_ROLLER);
    List<Condition> board = List.of(RATE_25_HZ, RATE_HIGH, BLE_STALLS, CLIPPING, WARMUP_BIAS, SENSOR_OFF_AXIS);
    List<Condition> body = List.of(BREATHERS, WEIGHT_SHIFTS);
    Set<Condition> out = EnumSet.noneOf(Condition.class);
    out.add(roller.get(rnd.nextInt(roller.size())));
    Condition b = board.get(rnd.nextInt(board.size()));
    out.add(b);
    if (b == RATE_25_HZ && rnd.nextBoolean()) out.add(BLE_STALLS); // cheap BLE boards stream at 25 Hz
    if (rnd.nextBoolean()) out.add(body.get(rnd.nextInt(body.size())));
    // an old analog gyro on any board (drawn last, so the other draws stay those of earlier rounds)
    if (rnd.nextInt(board.size() + 1) == 0) out.add(NOISY_GYRO);
    return out;
  }
}

package com.rollercoach.core.sample;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The edge every sample passes before the signal stages: a sample that is not a physical measurement
 * (a NaN from a phone, a garbled float, a clock that ran off) is dropped here and counted with its
 * reason, so everything behind it may assume finite values and bounded times that never go back.
 * Gaps with non-finite or backwards bounds are dropped too.
 *
 * <p>The bounds come from what any IMU can measure, not from our data:
 *
 * <ul>
 *   <li>|t| ≤ {@value #MAX_ABS_TIME_S} s (31 years of device uptime): beyond it a double still
 *       resolves µs, and the 50 Hz grid behind this stage keeps advancing (at 1e14 s, adding 20 ms no
 *       longer changes a double);
 *   <li>time never going back (the {@link SampleSink} contract), and never more than {@value
 *       #MAX_JUMP_S} s after the last accepted sample: a foam-rolling session lasts minutes, so an
 *       hour of silence inside one stream is a clock that jumped, not a pause. A time equal to the
 *       previous one is a sample, not an error: a logger's millisecond clock, or a Bluetooth burst
 *       stamped on arrival, gives several samples one stamp, and each carries rotation the angle
 *       needs (the pipeline's {@code DeliveryClock} spaces them on the device's clock; dropped here,
 *       half a burst's rotation was lost);
 *   <li>|a| ≤ {@value #MAX_ACCEL_G} g and |ω| ≤ {@value #MAX_RATE_DPS} °/s per axis: well above the
 *       largest full scale of any MEMS IMU (±400 g high-g accelerometers, ±4000 °/s gyros), so only
 *       garbage is refused, never a clipped real reading.
 * </ul>
 *
 * <p>Not thread-safe: one source thread calls it, like any sink.
 */
public final class SampleValidator implements SampleSink {
  public static final double MAX_ABS_TIME_S = 1e9;
  public static final double MAX_JUMP_S = 3600;
  public static final double MAX_ACCEL_G = 1000;
  public static final double MAX_RATE_DPS = 10_000;

  /** Plausible roller diameters: a massage ball to a large yoga roller. */
  public static final double MIN_DIAMETER_CM = 2;

  public static final double MAX_DIAMETER_CM = 100;

  /** Why a sample was refused. */
  public enum Reason {
    NON_FINITE("non-finite value"),
    TIME_OUT_OF_RANGE("time beyond ±1e9 s"),
    TIME_BACKWARDS("time going backwards"),
    TIME_JUMP("time jumped over an hour"),
    IMPOSSIBLE_VALUE("value beyond any sensor's range");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** Told about each refused sample (to count or report it live); may be {@link #IGNORE}. */
  public interface Listener {
    void rejected(ImuSample sample, Reason reason);
  }

  public static final Listener IGNORE = (s, r) -> {};

  private final SampleSink downstream;
  private final Listener listener;
  private final EnumMap<Reason, Long> counts = new EnumMap<>(Reason.class);
  private double lastT = Double.NEGATIVE_INFINITY;
  private double firstT = Double.NaN;
  private long rejected;
  private long badGaps;

  public SampleValidator(SampleSink downstream) {
    this(downstream, IGNORE);
  }

  public SampleValidator(SampleSink downstream, Listener listener) {
    this.downstream = downstream;
    this.listener = listener;
  }

  /**
   * Why {@code s} cannot follow a sample at {@code previousT} (−∞ for the first), or null when it
   * can. Pure; the one definition of a valid sample.
   */
  public static Reason check(ImuSample s, double previousT) {
    double t = s.tS();
    if (!Double.isFinite(t)
        || !Double.isFinite(s.axG()) || !Double.isFinite(s.ayG()) || !Double.isFinite(s.azG())
        || !Double.isFinite(s.gxDps()) || !Double.isFinite(s.gyDps()) || !Double.isFinite(s.gzDps())) {
      return Reason.NON_FINITE;
    }
    if (Math.abs(t) > MAX_ABS_TIME_S) return Reason.TIME_OUT_OF_RANGE;
    if (!(t >= previousT)) return Reason.TIME_BACKWARDS;
    if (previousT != Double.NEGATIVE_INFINITY && t - previousT > MAX_JUMP_S) return Reason.TIME_JUMP;
    if (Math.abs(s.axG()) > MAX_ACCEL_G || Math.abs(s.ayG()) > MAX_ACCEL_G || Math.abs(s.azG()) > MAX_ACCEL_G
        || Math.abs(s.gxDps()) > MAX_RATE_DPS || Math.abs(s.gyDps()) > MAX_RATE_DPS
        || Math.abs(s.gzDps()) > MAX_RATE_DPS) {
      return Reason.IMPOSSIBLE_VALUE;
    }
    return null;
  }

  /** True for a roller diameter a real roller can have ({@value #MIN_DIAMETER_CM}–{@value #MAX_DIAMETER_CM} cm). */
  public static boolean plausibleDiameterCm(double d) {
    return d >= MIN_DIAMETER_CM && d <= MAX_DIAMETER_CM;
  }

  /** One line explaining why {@code d} is refused as a roller diameter. */
  public static String implausibleDiameter(double d) {
    return String.format(Locale.ROOT, "roller diameter %s cm is not plausible (expected %.0f–%.0f cm)",
        d, MIN_DIAMETER_CM, MAX_DIAMETER_CM);
  }

  /** Plausible sample rates: a slow Bluetooth phone stream to the fastest IMU output data rate. */
  public static boolean plausibleRateHz(double hz) {
    return hz >= 1 && hz <= 10_000;
  }

  @Override
  public void accept(ImuSample sample) {
    Reason r = check(sample, lastT);
    if (r != null) {
      rejected++;
      counts.merge(r, 1L, Long::sum);
      listener.rejected(sample, r);
      return;
    }
    if (Double.isNaN(firstT)) firstT = sample.tS();
    lastT = sample.tS();
    downstream.accept(sample);
  }

  @Override
  public void gap(double fromS, double toS, String reason) {
    if (!Double.isFinite(fromS) || !Double.isFinite(toS) || !(toS >= fromS)
        || Math.abs(fromS) > MAX_ABS_TIME_S || Math.abs(toS) > MAX_ABS_TIME_S) {
      badGaps++;
      return;
    }
    downstream.gap(fromS, toS, reason);
  }

  @Override
  public void end() {
    downstream.end();
  }

  /** Samples refused so far. */
  public long rejected() {
    return rejected;
  }

  /** Refused samples by reason (only reasons that occurred). */
  public Map<Reason, Long> rejectedByReason() {
    return Map.copyOf(counts);
  }

  /** Gap notices dropped for non-finite or backwards bounds. */
  public long badGaps() {
    return badGaps;
  }

  /** Time of the first accepted sample (NaN before it). */
  public double firstTimeS() {
    return firstT;
  }

  /** Time of the last accepted sample (NaN before the first). */
  public double lastTimeS() {
    return Double.isNaN(firstT) ? Double.NaN : lastT;
  }

  /** "12 bad samples dropped (10 non-finite value, 2 time going backwards)", or empty if none. */
  public Optional<String> summary() {
    if (rejected == 0) return Optional.empty();
    StringJoiner j = new StringJoiner(", ", " (", ")");
    counts.forEach((r, n) -> j.add(n + " " + r.text()));
    return Optional.of(rejected + " bad sample" + (rejected == 1 ? "" : "s") + " dropped" + j);
  }
}

package com.rollercoach.core.calibration;

import com.rollercoach.core.sample.ImuSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Splits a sample stream into still and moving intervals, streaming, in bounded memory.
 *
 * <p>Static-interval detection follows Tedaldi et al. (ICRA 2014, the imu_tk method): the signal is
 * cut into short windows (here 0.25 s blocks) and a window is static when the variance of the
 * accelerometer stays under a threshold derived from the noise floor measured in an initial still
 * period. We also require the gyroscope to be quiet (its spread and, once the bias is known, its mean),
 * which rejects a slow, smooth turn whose acceleration barely changes. A still interval starts after
 * {@code minStillS} of consecutive quiet blocks; shorter quiet runs (the instant a roll reverses)
 * belong to the movement around them.
 */
public final class MotionSegmenter {
  /** Window length: long enough for a usable variance at 25 Hz (6 samples), short enough to react. */
  public static final double BLOCK_S = 0.25;
  /** A time step longer than this is a gap in the data, not a slow sample rate (25 Hz is 0.04 s). */
  public static final double MAX_STEP_S = 0.2;
  /** Rotation per chunk for the within-movement axis stability check. */
  static final double CHUNK_DEG = 45;

  /** What a sample block may show and still count as "not moving". */
  public record Thresholds(double accelStdG, double gyroStdDps, double gyroMeanDps) {
    /**
     * Before anything is known about the sensor: generous limits that a resting roller on a cheap
     * MEMS IMU meets (noise a few mg and a few tenths of °/s) and a hand-held one does not (tremor
     * gives tens of mg and several °/s). The gyro mean is not checked: the bias is still unknown and
     * can reach several °/s.
     */
    public static Thresholds uncalibrated() {
      return new Thresholds(0.025, 1.0, Double.POSITIVE_INFINITY);
    }

    /**
     * Limits derived from a measured noise floor (the still step): 3× the floor's standard deviation
     * norm, since the standard deviation of a short block scatters by about ±30 % at 6 samples, with
     * absolute minimums for ultra-quiet sensors; and a bias-corrected mean under 1 °/s.
     */
    public static Thresholds fromNoiseFloor(double accelStdNormG, double gyroStdNormDps) {
      return new Thresholds(
          Math.max(3 * accelStdNormG, 0.003), Math.max(3 * gyroStdNormDps, 0.15), 1.0);
    }
  }

  /** Receives intervals as they complete. */
  public interface Listener {
    default void stillEnded(StillInterval still) {}

    default void motionEnded(MotionInterval motion) {}
  }

  private final double minStillS;
  private final Listener listener;
  private Thresholds thresholds = Thresholds.uncalibrated();

  private Block block;
  private double prevT = Double.NaN;
  private double pgx, pgy, pgz;

  private Run pendingQuiet;
  private Run still;
  private MotionRun motion;

  public MotionSegmenter(double minStillS, Listener listener) {
    this.minStillS = minStillS;
    this.listener = listener;
  }

  public void setThresholds(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  public void accept(ImuSample s) {
    boolean gap = !Double.isNaN(prevT) && s.tS() - prevT > MAX_STEP_S;
    if (block != null && (gap || s.tS() >= block.startS + BLOCK_S)) {
      closeBlock();
    }
    if (gap) {
      onGap();
    }
    if (block == null) block = new Block(s.tS());
    block.accel.add(s.axG(), s.ayG(), s.azG());
    block.gyro.add(s.gxDps(), s.gyDps(), s.gzDps());
    block.endS = s.tS();
    if (!Double.isNaN(prevT) && !gap) {
      double dt = s.tS() - prevT;
      // Trapezoidal rule between consecutive samples.
      double mx = 0.5 * (pgx + s.gxDps());
      double my = 0.5 * (pgy + s.gyDps());
      double mz = 0.5 * (pgz + s.gzDps());
      block.integrate(mx, my, mz, dt);
    }
    prevT = s.tS();
    pgx = s.gxDps();
    pgy = s.gyDps();
    pgz = s.gzDps();
  }

  /** The stream ended: report whatever interval is open. */
  public void end() {
    if (block != null) closeBlock();
    if (still != null) {
      listener.stillEnded(still.toStill());
      still = null;
    }
    if (pendingQuiet != null) {
      if (motion != null) motion.absorb(pendingQuiet);
      pendingQuiet = null;
    }
    if (motion != null) {
      listener.motionEnded(motion.toMotion(false));
      motion = null;
    }
  }

  /** The still interval in progress, if the sensor is resting right now. */
  public Optional<StillInterval> runningStill() {
    return still == null ? Optional.empty() : Optional.of(still.toStill());
  }

  /** Seconds the sensor has been still so far, 0 while moving. */
  public double runningStillS() {
    return still == null ? 0 : still.endS - still.startS;
  }

  private void onGap() {
    // Missing samples: a movement's rotation integral is now incomplete, and a still interval can't
    // vouch for what happened in between.
    if (motion != null) motion.gapped = true;
    if (still != null) {
      listener.stillEnded(still.toStill());
      still = null;
    }
    pendingQuiet = null;
    prevT = Double.NaN;
  }

  private void closeBlock() {
    Block b = block;
    block = null;
    if (isQuiet(b)) {
      if (still != null) {
        still.add(b);
        return;
      }
      if (pendingQuiet == null) pendingQuiet = new Run(b.startS);
      pendingQuiet.add(b);
      if (pendingQuiet.endS - pendingQuiet.startS >= minStillS) {
        if (motion != null) {
          listener.motionEnded(motion.toMotion(true));
          motion = null;
        }
        still = pendingQuiet;
        pendingQuiet = null;
      }
    } else {
      if (still != null) {
        listener.stillEnded(still.toStill());
        still = null;
      }
      if (motion == null) motion = new MotionRun(b.startS);
      if (pendingQuiet != null) {
        motion.absorb(pendingQuiet);
        pendingQuiet = null;
      }
      motion.add(b);
    }
  }

  private boolean isQuiet(Block b) {
    if (b.accel.count() < 3) return false;
    Vector3D gyroMean = b.gyro.mean();
    return b.accel.stdNorm() <= thresholds.accelStdG()
        && b.gyro.stdNorm() <= thresholds.gyroStdDps()
        && gyroMean.getNorm() <= thresholds.gyroMeanDps();
  }

  /** One 0.25 s window. */
  private static final class Block {
    final double startS;
    double endS;
    final Moments accel = new Moments();
    final Moments gyro = new Moments();
    final double[] rotation = new double[3];
    double path;
    final double[][] scatter = new double[3][3];
    Block(double startS) {
      this.startS = startS;
      this.endS = startS;
    }

    void integrate(double x, double y, double z, double dt) {
      rotation[0] += x * dt;
      rotation[1] += y * dt;
      rotation[2] += z * dt;
      path += Math.sqrt(x * x + y * y + z * z) * dt;
      RotationScatter.addOuter(scatter, x, y, z, dt);
    }
  }

  /** Consecutive quiet blocks. */
  private static final class Run {
    final double startS;
    double endS;
    final Moments accel = new Moments();
    final Moments gyro = new Moments();
    final List<Block> blocks = new ArrayList<>();
    final Spread gyroMeans = new Spread();
    final Spread accelMeans = new Spread();
    int blockCount;
    boolean keepBlocks = true;

    Run(double startS) {
      this.startS = startS;
      this.endS = startS;
    }

    void add(Block b) {
      endS = b.endS;
      accel.merge(b.accel);
      gyro.merge(b.gyro);
      gyroMeans.add(b.gyro.mean());
      accelMeans.add(b.accel.mean());
      blockCount++;
      // Blocks are only needed while the run might still be absorbed into a movement (< minStillS).
      if (keepBlocks) {
        blocks.add(b);
        if (blocks.size() > 64) keepBlocks = false;
      }
    }

    StillInterval toStill() {
      return new StillInterval(
          startS,
          endS,
          accel.mean(),
          gyro.mean(),
          accel.std(),
          gyro.std(),
          gyroMeans.max(),
          accelMeans.max(),
          accel.count(),
          blockCount);
    }
  }

  /** Per-axis range (max − min) of a sequence of vectors; {@link #max()} is the largest axis range. */
  private static final class Spread {
    final double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    final double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

    void add(Vector3D v) {
      double[] a = v.toArray();
      for (int i = 0; i < 3; i++) {
        lo[i] = Math.min(lo[i], a[i]);
        hi[i] = Math.max(hi[i], a[i]);
      }
    }

    double max() {
      double m = 0;
      for (int i = 0; i < 3; i++) m = Math.max(m, hi[i] - lo[i]);
      return m;
    }
  }

  /** Consecutive moving blocks (and the short quiet runs inside them). */
  private static final class MotionRun {
    final double startS;
    double endS;
    final double[] rotation = new double[3];
    double path;
    final double[][] scatter = new double[3][3];
    final List<Vector3D> chunkAxes = new ArrayList<>();
    double[][] chunk = new double[3][3];
    double chunkPath;
    boolean gapped;

    MotionRun(double startS) {
      this.startS = startS;
    }

    void absorb(Run quiet) {
      for (Block b : quiet.blocks) add(b);
    }

    void add(Block b) {
      endS = b.endS;
      for (int i = 0; i < 3; i++) rotation[i] += b.rotation[i];
      path += b.path;
      RotationScatter.addAll(scatter, b.scatter);
      RotationScatter.addAll(chunk, b.scatter);
      chunkPath += b.path;
      if (chunkPath >= CHUNK_DEG) {
        // Bounded: a movement of N turns keeps 8·N axes.
        if (chunkAxes.size() < 4096) chunkAxes.add(RotationScatter.principalAxis(chunk));
        chunk = new double[3][3];
        chunkPath = 0;
      }
    }

    MotionInterval toMotion(boolean endedStill) {
      double[][] copy = new double[3][];
      for (int i = 0; i < 3; i++) copy[i] = scatter[i].clone();
      return new MotionInterval(
          startS, endS, new Vector3D(rotation), path, copy, chunkAxes, gapped, endedStill);
    }
  }
}

package com.rollercoach.sim;

import static com.rollercoach.sim.Person.between;

import com.rollercoach.core.NumberText;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated session: a person, a roller, a sensor and a link, all drawn from a seed. {@link
 * #play(SampleSink)} streams the samples the device would have produced (nothing is held in memory, so
 * hours of data cost no heap); {@link #truth(boolean)} says what really happened.
 *
 * <p>Independent random streams (split from the seed) feed the person, the script, the body, the
 * device, the mount, the sensor errors and the link, so changing e.g. the sample rate leaves the
 * person's movements unchanged.
 */
public final class SimulatedSession {
  /** Common foam roller diameters, cm. */
  private static final double[] DIAMETERS = {10, 12.5, 14, 15};

  private final SimulationSpec spec;
  private final Person person;
  private final SessionScript script;
  private final BodySignals body;
  private final DeviceSetup device;
  private final SensorMount mount;
  private final SensorErrors errors;
  private final double nominalDiameterCm;
  private final double effectiveRadiusCm;
  private final double clockOffsetS;
  private final double clockPpm;
  private final long linkSeed;
  private final List<double[]> gaps = new ArrayList<>();
  private final RealWorld world;
  private final double tiltRad;

  private SimulatedSession(SimulationSpec spec) {
    this.spec = spec;
    SplittableRandom root = new SplittableRandom(spec.seed());
    // The conditions draw from a stream of their own, so an ordinary session is the same with or
    // without them existing.
    SplittableRandom cond = new SplittableRandom(spec.seed() ^ 0x1A2B3C4D5E6FL);
    SplittableRandom who = root.split();
    Archetype archetype =
        spec.archetype() != null
            ? spec.archetype()
            : Archetype.values()[who.nextInt(Archetype.values().length)];
    Person drawn = Person.draw(archetype, root.split());
    if (spec.has(Condition.BREATHERS)) {
      drawn =
          cond.nextBoolean()
              ? drawn.withBreathDepths(between(cond, 0.1, 0.2), between(cond, 0.15, 0.3))
              : drawn.withBreathDepths(between(cond, 1.0, 1.5), between(cond, 1.5, 3.0));
    }
    if (spec.has(Condition.SLOW_BREATHING)) drawn = drawn.withHoldBreathsPerMin(between(cond, 4, 6));
    person = drawn;
    script =
        new SessionPlanner(person, root.split())
            .withWeightShifts(spec.has(Condition.WEIGHT_SHIFTS))
            .plan(spec.minDurationS());
    body = BodySignals.draw(person, script, root.split(), spec.has(Condition.BREATHERS));
    SplittableRandom hw = root.split();
    double rateHz = spec.rateHz();
    if (spec.has(Condition.RATE_25_HZ)) rateHz = 25;
    if (spec.has(Condition.RATE_HIGH)) rateHz = new double[] {400, 500, 800, 1000}[cond.nextInt(4)];
    DeviceSetup d =
        spec.device() != null
            ? DeviceSetup.preset(spec.device(), rateHz, hw)
            : DeviceSetup.random(hw, rateHz);
    if (spec.has(Condition.NOISY_GYRO)) {
      d = new DeviceSetup(d.name(), ImuModel.ADXRS610, d.link(), d.rateHz(), d.gyroFullScaleDps(),
          d.accelFullScaleG(), d.timestampResolutionS());
    }
    if (spec.has(Condition.CLIPPING)) {
      d = new DeviceSetup(d.name(), d.imu(), d.link(), d.rateHz(), 250, 2, d.timestampResolutionS());
    }
    if (spec.has(Condition.BLE_STALLS)) {
      d = new DeviceSetup(d.name(), d.imu(), new Link("ble", 0.003, 0.002, 0), d.rateHz(),
          d.gyroFullScaleDps(), d.accelFullScaleG(), 0.001);
    }
    device = d;
    double diameter =
        spec.rollerDiameterCm() > 0 ? spec.rollerDiameterCm() : DIAMETERS[hw.nextInt(DIAMETERS.length)];
    if (spec.has(Condition.CLIPPING) && spec.rollerDiameterCm() <= 0) diameter = between(cond, 6, 8);
    nominalDiameterCm = diameter;
    // foam flattens a little under a person's back: the rolling radius is 0–3 % under the nominal one
    effectiveRadiusCm = nominalDiameterCm / 2 * (1 - between(hw, 0, 0.03));
    SensorMount m = SensorMount.draw(root.split(), effectiveRadiusCm);
    if (spec.has(Condition.SENSOR_OFF_AXIS)) {
      m = new SensorMount(between(cond, 0.7, 0.95) * effectiveRadiusCm, m.angleRad(), m.rollerToSensor());
    }
    mount = m;
    SensorErrors e = SensorErrors.draw(device, root.split());
    errors = spec.has(Condition.WARMUP_BIAS) ? e.withLargeWarmup(cond) : e;
    tiltRad = spec.has(Condition.TILTED_ROLLER) ? Math.toRadians(between(cond, 5, 15)) : 0;
    world = new RealWorld(spec, script, cond);
    SplittableRandom clock = root.split();
    clockOffsetS = Math.floor(between(clock, 5, 5000) * 1000) / 1000;
    clockPpm = 30 * clock.nextGaussian();
    linkSeed = clock.nextLong();
    if (world.hasStalls()) {
      for (double[] s : world.stallList) if (s[2] == 1) gaps.add(new double[] {s[0], s[1]});
    } else {
      drawGaps(clock);
    }
  }

  public static SimulatedSession create(SimulationSpec spec) {
    return new SimulatedSession(spec);
  }

  /** Bluetooth stalls: a Poisson process at the link's rate, each 0.1–1 s long. */
  private void drawGaps(SplittableRandom rnd) {
    double rate = device.link().gapsPerMinute() / 60;
    if (rate <= 0) return;
    double t = -Math.log(1 - rnd.nextDouble()) / rate;
    while (t < script.endS()) {
      double len = between(rnd, 0.1, 1.0);
      gaps.add(new double[] {t, t + len});
      t += len - Math.log(1 - rnd.nextDouble()) / rate;
    }
  }

  public SimulationSpec spec() {
    return spec;
  }

  public Person person() {
    return person;
  }

  public SessionScript script() {
    return script;
  }

  public BodySignals body() {
    return body;
  }

  public DeviceSetup device() {
    return device;
  }

  public SensorMount mount() {
    return mount;
  }

  public SensorErrors errors() {
    return errors;
  }

  public double nominalDiameterCm() {
    return nominalDiameterCm;
  }

  public double effectiveRadiusCm() {
    return effectiveRadiusCm;
  }

  /** Outages on the physical clock, as [from, to] pairs. */
  public List<double[]> gaps() {
    return gaps;
  }

  /** A physical time (seconds since the simulation started) on the device clock that t_s uses. */
  public double deviceTime(double physicalS) {
    return clockOffsetS + physicalS * (1 + clockPpm * 1e-6);
  }

  public double clockOffsetS() {
    return clockOffsetS;
  }

  public double clockPpm() {
    return clockPpm;
  }

  /** The CSV metadata a logger for this device would write. */
  public SessionMetadata metadata() {
    return SessionMetadata.empty()
        .with(SessionMetadata.DEVICE, device.name())
        .with(SessionMetadata.SAMPLE_RATE_HZ, NumberText.plain(device.rateHz()))
        .with(SessionMetadata.ROLLER_DIAMETER_CM, NumberText.plain(nominalDiameterCm))
        .with("gyro_range_dps", NumberText.plain(device.gyroFullScaleDps()))
        .with("accel_range_g", NumberText.plain(device.accelFullScaleG()))
        .with("source", "roller-coach simulate")
        .with("seed", Long.toString(spec.seed()))
        .with("profile", person.archetype().cliName())
        .with(
            "conditions",
            spec.conditions().isEmpty()
                ? "none"
                : String.join(",", spec.conditions().stream().map(Condition::cliName).sorted().toList()));
  }


  /** What really happened; {@code withTrace} adds the true s(t) at 10 Hz. */
  public SessionTruth truth(boolean withTrace) {
    return new TruthBuilder(this).build(withTrace);
  }

  /** Streams every sample the device reports, in time order, then calls {@link SampleSink#end()}. */
  public void play(SampleSink sink) {
    ScriptCursor cursor = new ScriptCursor(script, body, effectiveRadiusCm);
    RollerKinematics kinematics = new RollerKinematics(mount, effectiveRadiusCm).withTilt(tiltRad);
    double[] shakeA = new double[3];
    double[] shakeW = new double[3];
    double[] sensorFrame = new double[3];
    List<double[]> burst = new ArrayList<>(); // samples held back by a BLE stall
    int stall = 0;
    List<double[]> stalls = world.stallList;
    SensorErrors.Chain chain = errors.newChain();
    SplittableRandom link = new SplittableRandom(linkSeed);
    double rate = device.rateHz();
    double period = 1 / rate;
    double clock = 1 + clockPpm * 1e-6;
    double jitter = Math.min(device.link().jitterS(), 0.2 * period);
    double res = device.timestampResolutionS();
    long n = (long) Math.floor(script.endS() * clock * rate);
    double[] theta = new double[3];
    double[] yaw = new double[3];
    double[] turn = new double[3];
    double[] gyro = new double[3];
    double[] accel = new double[3];
    double lastStamp = Double.NEGATIVE_INFINITY;
    int gap = 0;
    for (long k = 0; k <= n; k++) {
      double onDevice = k * period;
      double t = onDevice / clock;
      cursor.rotation(t, theta);
      yaw[0] = yaw[1] = yaw[2] = 0;
      for (SessionScript.YawTurn y : script.yawTurns()) {
        if (t > y.startS() && t < y.endS()) {
          y.angle(t, turn);
          for (int i = 0; i < 3; i++) yaw[i] += turn[i];
        }
      }
      double vertical = world.gridBumpG(theta, effectiveRadiusCm) + world.knockG(t);
      for (SessionScript.Shock s : script.shocks()) vertical += s.accelerationG(t);
      kinematics.sense(theta, yaw, vertical, gyro, accel);
      if (world.motorOn(t)) {
        shakeA[0] = shakeA[1] = shakeA[2] = 0;
        shakeW[0] = shakeW[1] = shakeW[2] = 0;
        world.vibrate(t, body.load(t), shakeA, shakeW);
        mount.toSensor(shakeA[0], shakeA[1], shakeA[2], sensorFrame);
        for (int i = 0; i < 3; i++) accel[i] += sensorFrame[i];
        mount.toSensor(shakeW[0], shakeW[1], shakeW[2], sensorFrame);
        for (int i = 0; i < 3; i++) gyro[i] += sensorFrame[i];
      }
      chain.measure(t, gyro, accel);
      double late = Math.max(-2 * jitter, Math.min(2 * jitter, jitter * link.nextGaussian()));
      boolean dropped = link.nextDouble() < device.link().dropProbability();
      if (world.hasStalls()) {
        // BLE: during a stall the device keeps sampling on its own clock but nothing arrives; then
        // the queue is delivered in a burst stamped on arrival (sub-ms apart, so a 1 ms clock repeats
        // stamps), unless the stall really lost the samples. Now and then a row is sent twice.
        while (stall < stalls.size() && stalls.get(stall)[1] <= t) {
          double arrival = deviceTime(stalls.get(stall)[1]);
          for (int b = 0; b < burst.size(); b++) {
            double stamp = Math.max(lastStamp, Math.rint((arrival + b * world.burstSpacingS) / res) * res);
            lastStamp = stamp;
            double[] x = burst.get(b);
            sink.accept(new ImuSample(stamp, x[0], x[1], x[2], x[3], x[4], x[5]));
          }
          burst.clear();
          stall++;
        }
        if (dropped) continue;
        if (stall < stalls.size() && t >= stalls.get(stall)[0]) {
          if (stalls.get(stall)[2] == 0) burst.add(new double[] {accel[0], accel[1], accel[2], gyro[0], gyro[1], gyro[2]});
          continue;
        }
        double stamp = Math.rint((clockOffsetS + onDevice + late) / res) * res;
        if (stamp <= lastStamp) stamp = lastStamp + res;
        lastStamp = stamp;
        ImuSample x = new ImuSample(stamp, accel[0], accel[1], accel[2], gyro[0], gyro[1], gyro[2]);
        sink.accept(x);
        if (link.nextDouble() < world.resendProbability) sink.accept(x);
        continue;
      }
      while (gap < gaps.size() && gaps.get(gap)[1] < t) gap++;
      boolean inGap = gap < gaps.size() && t >= gaps.get(gap)[0];
      if (dropped || inGap) continue;
      double stamp = Math.rint((clockOffsetS + onDevice + late) / res) * res;
      if (stamp <= lastStamp) stamp = lastStamp + res;
      lastStamp = stamp;
      sink.accept(new ImuSample(stamp, accel[0], accel[1], accel[2], gyro[0], gyro[1], gyro[2]));
    }
    sink.end();
  }

  /**
   * For each true pass, when its end became knowable live (device clock): the first moment the
   * contact point is 2 cm back from the ending turning point (the hysteresis), or — if earlier — the
   * moment the roller came to rest at it (the scripted movement stopped); never before its travel
   * first reached 5 cm. The live latency of a pass event is measured from here.
   */
  public double[] passConfirmationTimes(SessionTruth truth) {
    double[] out = new double[truth.passSpans().size()];
    for (int i = 0; i < out.length; i++) {
      double start = physicalTime(truth.passSpans().get(i).startS());
      double end = physicalTime(truth.passSpans().get(i).endS());
      ScriptCursor cursor = new ScriptCursor(script, body, effectiveRadiusCm); // it only goes forward
      // not before it is a pass at all: a last stroke a little short of 5 cm, finished by the body's
      // drift during the hold, was confirmable at the hold's start, 48 s before its travel reached
      // 5 cm (27000159, breathers)
      double sStart = cursor.positionCm(start);
      double fiveCm = Double.NEGATIVE_INFINITY;
      for (double t = start; t < end; t += 0.01) {
        if (Math.abs(cursor.positionCm(t) - sStart) >= ReferenceStrokeSegmenter.MIN_PASS_CM) {
          fiveCm = t;
          break;
        }
      }
      double sEnd = cursor.positionCm(end);
      double c = script.endS();
      for (ScriptedPhase p : script.phases()) {
        if (p.endS() > end && !p.kind().moving()) {
          c = p.startS(); // at rest from here (before the turning point if it paused there)
          break;
        }
      }
      for (double t = end; t < c; t += 0.01) {
        if (Math.abs(cursor.positionCm(t) - sEnd) >= 2.0) {
          c = t;
          break;
        }
      }
      out[i] = deviceTime(Math.max(c, fiveCm));
    }
    return out;
  }

  /** The physical time (seconds since the simulation started) of a device-clock time: {@link #deviceTime}'s inverse. */
  private double physicalTime(double deviceS) {
    return (deviceS - clockOffsetS) / (1 + clockPpm * 1e-6);
  }

  /** Where {@link #writeCsv} puts the truth: {@code FILE.truth.json} beside {@code FILE}. */
  public static Path truthPathFor(Path csv) {
    return csv.resolveSibling(csv.getFileName() + ".truth.json");
  }

  /**
   * Writes the samples as the project CSV and the truth beside it.
   *
   * @return the number of samples written
   */
  public long writeCsv(Path csv, boolean withTrace) throws IOException {
    long[] count = {0};
    SessionMetadata meta = metadata().with("truth", truthPathFor(csv).getFileName().toString());
    try (CsvSampleWriter w = CsvSampleWriter.create(csv, meta)) {
      play(
          new SampleSink() {
            @Override
            public void accept(ImuSample sample) {
              w.accept(sample);
              count[0]++;
            }
          });
    }
    truth(withTrace).write(truthPathFor(csv));
    return count[0];
  }
}

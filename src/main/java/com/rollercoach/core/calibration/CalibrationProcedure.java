package com.rollercoach.core.calibration;

import com.rollercoach.core.calibration.ProcedureState.Status;
import com.rollercoach.core.sample.ImuSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * The guided calibration as a pure state machine: fed samples one at a time (live from a port, from
 * the emulator or from a recording, all the same), it moves through the {@link CalibrationStep}s on
 * what the data show, fits each step's parameters as soon as the step's data are complete and refuses
 * a bad fit with a reason. No I/O, no clock, no UI: a terminal or a GUI wizard renders {@link
 * #state()} and may call {@link #finishStep()} and {@link #retryStep()}.
 *
 * <p>Each sample is corrected with what is already known before the next step sees it: the pose
 * search uses bias-free gyro readings, the rolls use the corrected accelerometer as well.
 */
public final class CalibrationProcedure implements MotionSegmenter.Listener {
  /** A still interval must last this long before it starts (shorter pauses belong to a movement). */
  static final double MIN_STILL_S = 1.0;
  /** Two resting positions closer than this are the same position. */
  static final double MIN_POSE_SEPARATION_DEG = 10;
  /**
   * A movement is a roll on the floor when ≥ 99 % of its rotation energy is about one axis
   * (λ₂/λ₁ ≤ 0.01, an axis wandering by less than about 6°) and it turned at least a quarter turn.
   */
  static final double MAX_ROLL_WOBBLE = 0.01;
  /**
   * A roller rolling on a floor turns about a horizontal axis: the axis must be perpendicular to the
   * gravity measured just before within this (floors are not perfectly level, and during the poses
   * step the accelerometer is not calibrated yet). A hand turning the roller over rarely does.
   */
  static final double MAX_ROLL_AXIS_TILT_DEG = 8;

  static final double MIN_ROLL_DEG = 90;
  /** The distance roll goes one way: |∫ω| ≥ 95 % of ∫|ω|, and at least ¾ of a turn. */
  static final double MIN_DISTANCE_STRAIGHTNESS = 0.95;

  static final double MIN_DISTANCE_ROLL_DEG = 270;
  /** The distance roll and the axis rolls must turn about the same axis within this. */
  static final double MAX_AXIS_DISAGREEMENT_DEG = 3;
  /** Samples kept for the sensor-offset fit of the distance roll (a 1 m roll takes 3–10 s). */
  static final double ROLL_BUFFER_S = 60;

  private final CalibrationPlan plan;
  private final MotionSegmenter segmenter;
  private final List<CalibrationStep> steps;
  private final ProcedureListener listener;

  private ImuCorrection correction = ImuCorrection.identity();
  private CalibrationStep step = CalibrationStep.STILL;
  private Status status = Status.RUNNING;
  private String message = "";
  private double stepStartS = Double.NaN;
  private double lastS = Double.NaN;

  // STILL
  private double longestStillS;
  private StillInterval still;
  // POSES
  private final List<Vector3D> poses = new ArrayList<>();
  private Vector3D gravityBeforeMotion = Vector3D.NaN;
  private boolean poseTakenFromRunningStill;
  private AccelerometerFit.Result accelFit;
  private final TurnRecorder turn = new TurnRecorder();
  private final List<RecordedTurn> turns = new ArrayList<>();

  /** The gyro readings of one turn between two recorded positions (indices into the poses). */
  private record RecordedTurn(int from, int to, double[] dtS, double[][] ratesDps) {}
  private GyroScaleFit.Result gyroFit;
  // DISTANCE
  private MotionInterval distanceRoll;
  /** Corrected samples of the distance step, the last {@link #ROLL_BUFFER_S} only. */
  private final java.util.ArrayDeque<ImuSample> rollBuffer = new java.util.ArrayDeque<>();
  private double sensorOffsetEstimateCm = Double.NaN;
  // AXIS
  private RollAxisFit axisFit = new RollAxisFit();

  private DeviceCalibration result;

  /** Told whenever the step, status or message changes; progress is read from {@link #state()}. */
  @FunctionalInterface
  public interface ProcedureListener {
    void changed(ProcedureState state);
  }

  public CalibrationProcedure(CalibrationPlan plan, ProcedureListener listener) {
    this.plan = plan;
    this.listener = listener;
    this.segmenter = new MotionSegmenter(MIN_STILL_S, this);
    this.steps =
        plan.measuresDiameter()
            ? List.of(
                CalibrationStep.STILL,
                CalibrationStep.POSES,
                CalibrationStep.DISTANCE,
                CalibrationStep.AXIS)
            : List.of(CalibrationStep.STILL, CalibrationStep.POSES, CalibrationStep.AXIS);
  }

  public void accept(ImuSample raw) {
    if (status != Status.RUNNING) return;
    if (Double.isNaN(stepStartS)) stepStartS = raw.tS();
    lastS = raw.tS();
    ImuSample corrected = correction.apply(raw);
    segmenter.accept(corrected);
    if (status != Status.RUNNING) return;
    if (step == CalibrationStep.POSES) turn.add(corrected);
    if (step == CalibrationStep.DISTANCE) {
      rollBuffer.addLast(corrected);
      while (corrected.tS() - rollBuffer.peekFirst().tS() > ROLL_BUFFER_S) rollBuffer.removeFirst();
    }
    switch (step) {
      case STILL -> checkStill();
      case POSES -> segmenter.runningStill().ifPresent(this::maybeTakePose);
      default -> {}
    }
  }

  /** The stream ended: close open intervals, finish what can be finished, fail the rest. */
  public void end() {
    if (status != Status.RUNNING) return;
    segmenter.end();
    if (status != Status.RUNNING) return;
    switch (step) {
      case STILL ->
          fail(
              String.format(
                  Locale.ROOT,
                  "the data ended before the roller lay still for %.0f s (longest still: %.1f s)",
                  plan.stillSeconds(),
                  longestStillS));
      case POSES -> {
        if (poses.size() >= AccelerometerFit.MIN_POSES) finishPoses();
        else fail(tooFewPoses());
        if (status == Status.RUNNING) end();
      }
      case DISTANCE ->
          fail(
              "the data ended before a roll over the measured distance: roll the roller once, in"
                  + " one direction, from one mark to the other, and let it rest");
      case AXIS -> {
        if (axisFit.pathDeg() >= 360) finishAxis();
        else
            fail(
                String.format(
                    Locale.ROOT,
                    "the data ended after %.0f° of rolling; the roll axis needs %.0f°",
                    axisFit.pathDeg(),
                    plan.axisRollDeg()));
      }
      default -> {}
    }
  }

  /**
   * The user says the step is done: accepted in the poses step once {@link
   * AccelerometerFit#MIN_POSES} positions are in, and in the axis step after a full turn of rolling.
   */
  public void finishStep() {
    if (status != Status.RUNNING) return;
    if (step == CalibrationStep.POSES) {
      if (poses.size() >= AccelerometerFit.MIN_POSES) finishPoses();
      else note(tooFewPoses());
    } else if (step == CalibrationStep.AXIS) {
      if (axisFit.pathDeg() >= 360) finishAxis();
      else note("roll a little more first (at least one full turn)");
    }
  }

  /** After a failure: start the failed step over; everything before it is kept. */
  public void retryStep() {
    if (status != Status.FAILED) return;
    switch (step) {
      case STILL -> longestStillS = 0;
      case POSES -> {
        poses.clear();
        turns.clear();
        turn.restart();
        poseTakenFromRunningStill = true; // the position it rests in now was part of the failure
      }
      case DISTANCE -> {
        distanceRoll = null;
        rollBuffer.clear();
      }
      case AXIS -> resetAxis();
      default -> {}
    }
    status = Status.RUNNING;
    stepStartS = lastS;
    note("trying again");
  }

  public ProcedureState state() {
    return new ProcedureState(
        step,
        step == CalibrationStep.DONE ? steps.size() : steps.indexOf(step) + 1,
        steps.size(),
        status,
        instruction(),
        progress(),
        message);
  }

  /** The finished calibration, once the status is COMPLETE. */
  public Optional<DeviceCalibration> result() {
    return Optional.ofNullable(result);
  }

  /** What is known so far (bias after step 1, accelerometer after step 2), for live feedback. */
  public ImuCorrection correctionSoFar() {
    return correction;
  }

  /** The resting positions recorded so far (raw accelerometer means, g). */
  public List<Vector3D> poses() {
    return List.copyOf(poses);
  }

  // ---- step 1: still ----

  private void checkStill() {
    double runS = segmenter.runningStillS();
    longestStillS = Math.max(longestStillS, runS);
    if (runS >= plan.stillSeconds()) {
      finishStill(segmenter.runningStill().orElseThrow());
    } else if (lastS - stepStartS > plan.stillTimeoutS()) {
      fail(
          String.format(
              Locale.ROOT,
              "the roller was moving during the still step: in %.0f s it never lay still for %.0f s"
                  + " (longest: %.1f s)",
              plan.stillTimeoutS(),
              plan.stillSeconds(),
              longestStillS));
    }
  }

  private void finishStill(StillInterval s) {
    // Block means of a resting sensor scatter by σ/√n; six times that (or 0.5 °/s, 10 mg) is motion,
    // such as a roller creeping on a sloping floor, which a per-block variance test cannot see.
    double perBlock = Math.sqrt(s.samplesPerBlock());
    double gyroLimit = Math.max(0.5, 6 * maxAxis(s.gyroStdDps()) / perBlock);
    double accelLimit = Math.max(0.010, 6 * maxAxis(s.accelStdG()) / perBlock);
    if (s.gyroMeanSpreadDps() > gyroLimit || s.accelMeanSpreadG() > accelLimit) {
      fail(
          String.format(
              Locale.ROOT,
              "the roller was moving slowly during the still step (gyro drifted %.2f °/s, limit"
                  + " %.2f; gravity shifted %.1f mg, limit %.1f): put it where it cannot roll",
              s.gyroMeanSpreadDps(),
              gyroLimit,
              s.accelMeanSpreadG() * 1000,
              accelLimit * 1000));
      return;
    }
    still = s;
    correction = correction.withGyroBias(s.meanGyroDps());
    segmenter.setThresholds(
        MotionSegmenter.Thresholds.fromNoiseFloor(
            s.accelStdG().getNorm(), s.gyroStdDps().getNorm()));
    advance(
        String.format(
            Locale.ROOT,
            "gyro bias %.3f, %.3f, %.3f °/s; noise %.3f °/s, %.1f mg",
            s.meanGyroDps().getX(),
            s.meanGyroDps().getY(),
            s.meanGyroDps().getZ(),
            s.gyroStdDps().getNorm(),
            s.accelStdG().getNorm() * 1000));
  }

  // ---- step 2: resting positions ----

  private void maybeTakePose(StillInterval s) {
    if (poseTakenFromRunningStill || s.durationS() < plan.poseHoldS()) return;
    poseTakenFromRunningStill = true;
    Vector3D g = s.meanAccelG();
    for (int i = 0; i < poses.size(); i++) {
      if (Math.toDegrees(Vector3D.angle(g, poses.get(i))) < MIN_POSE_SEPARATION_DEG) {
        note(
            String.format(
                Locale.ROOT,
                "same position as #%d: turn the roller further (at least %.0f°)",
                i + 1,
                MIN_POSE_SEPARATION_DEG));
        return;
      }
    }
    if (!poses.isEmpty() && turn.valid()) {
      turns.add(new RecordedTurn(poses.size() - 1, poses.size(), turn.dts(), turn.rates()));
    }
    turn.restart();
    poses.add(g);
    note(String.format(Locale.ROOT, "position %d of %d recorded", poses.size(), plan.targetPoses()));
    if (poses.size() >= plan.targetPoses()) finishPoses();
  }

  private void finishPoses() {
    double noisePerPoseMg =
        still.accelStdG().getNorm() / Math.sqrt(3) * 1000 / Math.sqrt(plan.poseHoldS() * rateHz());
    try {
      AccelerometerFit.Result fit = AccelerometerFit.fit(poses, noisePerPoseMg);
      if (fit.residualRmsMg() > plan.maxResidualMg()) {
        fail(
            String.format(
                Locale.ROOT,
                "accelerometer fit residual %.1f mg is above %.0f mg (worst position %.1f mg): a"
                    + " position was not at rest, or the sensor is loose in the roller%s",
                fit.residualRmsMg(),
                plan.maxResidualMg(),
                fit.maxResidualMg(),
                fit.misalignmentFitted()
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        "; with %d positions the sensor's axis misalignment cannot be fitted and"
                            + " shows here too: record at least %d",
                        fit.poses(),
                        AccelerometerFit.FULL_MODEL_POSES)));
        return;
      }
      if (fit.worstPoseMisfitMg() > 2 * plan.maxResidualMg()) {
        fail(
            String.format(
                Locale.ROOT,
                "the resting positions disagree: position %d, predicted from the others, is off by"
                    + " %.1f mg (limit %.0f mg): a position was not at rest, or the sensor shifted"
                    + " in the roller",
                fit.worstPose(),
                fit.worstPoseMisfitMg(),
                2 * plan.maxResidualMg()));
        return;
      }
      if (fit.offsetSigmaMg() > plan.maxOffsetSigmaMg() || fit.scaleSigma() > plan.maxScaleSigma()) {
        fail(
            String.format(
                Locale.ROOT,
                "the %d positions leave the accelerometer poorly determined (offset ±%.1f mg,"
                    + " scale ±%.2f %%): turn the roller so gravity points in more different"
                    + " directions (stand it on each end, lean it against a wall)",
                poses.size(),
                fit.offsetSigmaMg(),
                fit.scaleSigma() * 100));
        return;
      }
      accelFit = fit;
      correction = correction.withAccelerometer(fit.offsetG(), fit.scale(), fit.misalignment());
      fitGyroScale();
      advance(
          String.format(
              Locale.ROOT,
              "accelerometer fitted on %d positions, residual %.2f mg; %s",
              fit.poses(),
              fit.residualRmsMg(),
              gyroFit == null
                  ? "gyro scale not determined by the turns, left at 1"
                  : String.format(
                      Locale.ROOT,
                      "gyro scale %.4f, %.4f, %.4f from %d turns",
                      gyroFit.scale().getX(),
                      gyroFit.scale().getY(),
                      gyroFit.scale().getZ(),
                      gyroFit.turns())));
    } catch (AccelerometerFit.UnderdeterminedException e) {
      fail(e.getMessage());
    }
  }

  /**
   * Scales good to 0.5 % or better are kept; a poorer estimate (turns about too few axes) would add
   * more error than the datasheet tolerance it replaces, so the scale stays 1.
   */
  private void fitGyroScale() {
    List<GyroScaleFit.Turn> fitTurns = new ArrayList<>();
    for (RecordedTurn t : turns) {
      fitTurns.add(
          new GyroScaleFit.Turn(
              correction.correctAccel(poses.get(t.from())),
              correction.correctAccel(poses.get(t.to())),
              t.dtS(),
              t.ratesDps()));
    }
    gyroFit = GyroScaleFit.fit(fitTurns, 0.005).orElse(null);
    if (gyroFit != null) correction = correction.withGyroScale(gyroFit.scale());
  }

  private String tooFewPoses() {
    return String.format(
        Locale.ROOT,
        "only %d different resting positions found; need at least %d",
        poses.size(),
        AccelerometerFit.MIN_POSES);
  }

  // ---- steps 3 and 4: rolls ----

  @Override
  public void stillEnded(StillInterval s) {
    poseTakenFromRunningStill = false;
    gravityBeforeMotion = s.meanAccelG();
  }

  @Override
  public void motionEnded(MotionInterval m) {
    if (status != Status.RUNNING) return;
    if (step == CalibrationStep.POSES
        && isDistanceRoll(m)
        && poses.size() >= AccelerometerFit.MIN_POSES) {
      // The user went on to the floor roll without saying so: the positions are complete. The roll
      // was integrated before the gyro scale was known: apply it now.
      finishPoses();
      if (status != Status.RUNNING) return;
      m = m.scaled(correction.gyroScale());
    }
    if (step == CalibrationStep.DISTANCE) onDistanceMotion(m);
    else if (step == CalibrationStep.AXIS) onAxisMotion(m);
  }

  private void onDistanceMotion(MotionInterval m) {
    if (!isRoll(m)) {
      note("that was not a roll along the floor; place the roller at the start mark and roll it");
      return;
    }
    if (m.gapped()) {
      fail("samples were lost during the distance roll: its rotation is incomplete, roll again");
      return;
    }
    if (!isDistanceRoll(m)) {
      note(
          String.format(
              Locale.ROOT,
              "a %.0f° roll that went back and forth or was too short: roll once, in one"
                  + " direction, from mark to mark",
              m.pathDeg()));
      return;
    }
    if (!m.endedStill()) return;
    distanceRoll = m;
    estimateSensorOffset(m);
    advance(String.format(Locale.ROOT, "distance roll: %.0f° of rotation", m.rotationDeg().getNorm()));
  }

  /**
   * The sensor's distance from the axis from the distance roll's centripetal and tangential
   * acceleration; kept only when the fit's rolling radius agrees with the distance roll's within 50 %
   * and the offset lies inside the roller. (The radius term multiplies a numerically differentiated
   * α and absorbs its timing errors: at 26 Hz it comes out 30 % high while the offset stays within
   * 0.2 mm, so it is a sanity check of the model, not a measurement.)
   */
  private void estimateSensorOffset(MotionInterval m) {
    List<ImuSample> samples = new ArrayList<>();
    for (ImuSample s : rollBuffer) if (s.tS() >= m.startS() - 0.3) samples.add(s);
    rollBuffer.clear();
    if (gravityBeforeMotion.isNaN()) return;
    double radiusCm = plan.distanceCm() / Math.toRadians(m.rotationDeg().getNorm());
    SensorOffsetFit.fit(samples, m.principalAxis(), gravityBeforeMotion)
        .filter(r -> Math.abs(Math.abs(r.rollingRadiusCm()) / radiusCm - 1) < 0.5)
        .filter(r -> r.offsetCm() < radiusCm)
        .ifPresent(r -> sensorOffsetEstimateCm = r.offsetCm());
  }

  private void onAxisMotion(MotionInterval m) {
    if (!isRoll(m)) {
      note("ignored a movement that was not a roll along the floor");
      return;
    }
    axisFit.add(m);
    note(String.format(Locale.ROOT, "%.0f° of %.0f° rolled", axisFit.pathDeg(), plan.axisRollDeg()));
    if (axisFit.pathDeg() >= plan.axisRollDeg()) finishAxis();
  }

  private void finishAxis() {
    Vector3D axis = axisFit.axis();
    double spread = axisFit.spreadDeg(axis);
    if (spread > plan.maxAxisSpreadDeg()) {
      fail(
          String.format(
              Locale.ROOT,
              "the roll axis was unstable (chunks scatter %.1f° RMS, limit %.1f°): roll straight on"
                  + " a flat floor without steering or lifting",
              spread,
              plan.maxAxisSpreadDeg()));
      return;
    }
    double diameterCm;
    String method;
    if (distanceRoll != null) {
      double disagree = RotationScatter.axisAngleDeg(axis, distanceRoll.principalAxis());
      if (disagree > MAX_AXIS_DISAGREEMENT_DEG) {
        fail(
            String.format(
                Locale.ROOT,
                "the distance roll and the back-and-forth rolls turned about axes %.1f° apart: the"
                    + " sensor moved in the roller, or one roll was steered",
                disagree));
        return;
      }
      // Sign convention: the distance roll (away from the start mark) is a positive rotation.
      if (axis.dotProduct(distanceRoll.rotationDeg()) < 0) axis = axis.negate();
      double thetaRad = Math.toRadians(axis.dotProduct(distanceRoll.rotationDeg()));
      diameterCm = 2 * plan.distanceCm() / thetaRad;
      method = "distance-roll";
    } else {
      axis = canonicalSign(axis);
      diameterCm = plan.knownDiameterCm();
      method = plan.knownDiameterMethod();
    }
    if (!(diameterCm >= 2 && diameterCm <= 60)) {
      fail(
          String.format(
              Locale.ROOT,
              "the roller diameter came out as %.1f cm, which no foam roller has: check the"
                  + " measured distance",
              diameterCm));
      return;
    }
    result =
        new DeviceCalibration(
            plan.deviceId(),
            correction,
            axis,
            diameterCm,
            method,
            Double.isNaN(plan.sensorOffsetCm()) ? sensorOffsetEstimateCm : plan.sensorOffsetCm(),
            new DeviceCalibration.Provenance(
                plan.createdAt(), methodDescription(), plan.tool(), plan.source()),
            new DeviceCalibration.FitQuality(
                still.durationS(),
                still.gyroStdDps().getNorm(),
                still.accelStdG().getNorm() * 1000,
                accelFit.poses(),
                accelFit.residualRmsMg(),
                accelFit.misalignmentFitted(),
                gyroFit != null,
                gyroFit == null ? Double.NaN : gyroFit.residualDeg(),
                spread,
                axisFit.pathDeg()));
    step = CalibrationStep.DONE;
    status = Status.COMPLETE;
    message =
        String.format(
            Locale.ROOT,
            "roll axis %.3f, %.3f, %.3f (spread %.2f°); roller diameter %.2f cm",
            axis.getX(),
            axis.getY(),
            axis.getZ(),
            spread,
            diameterCm);
    listener.changed(state());
  }

  private String methodDescription() {
    return plan.measuresDiameter()
        ? "guided: still, resting positions, distance roll, axis rolls"
        : "guided: still, resting positions, axis rolls; diameter " + plan.knownDiameterMethod();
  }

  /**
   * Without a distance roll the physical direction is unknown; make the largest component positive
   * so the same roller always gets the same sign.
   */
  static Vector3D canonicalSign(Vector3D axis) {
    double[] a = axis.toArray();
    int big = 0;
    for (int i = 1; i < 3; i++) if (Math.abs(a[i]) > Math.abs(a[big])) big = i;
    return a[big] < 0 ? axis.negate() : axis;
  }

  private boolean isRoll(MotionInterval m) {
    if (m.pathDeg() < MIN_ROLL_DEG || m.wobble() > MAX_ROLL_WOBBLE) return false;
    if (gravityBeforeMotion.isNaN()) return true;
    double tilt = 90 - Math.toDegrees(Vector3D.angle(m.principalAxis(), gravityBeforeMotion));
    return Math.abs(tilt) <= MAX_ROLL_AXIS_TILT_DEG;
  }

  private boolean isDistanceRoll(MotionInterval m) {
    return isRoll(m)
        && m.pathDeg() >= MIN_DISTANCE_ROLL_DEG
        && m.straightness() >= MIN_DISTANCE_STRAIGHTNESS;
  }

  private void resetAxis() {
    axisFit = new RollAxisFit();
  }

  // ---- bookkeeping ----

  private double rateHz() {
    return still.samples() / Math.max(still.durationS(), 1e-9);
  }

  private static double maxAxis(Vector3D v) {
    return Math.max(Math.abs(v.getX()), Math.max(Math.abs(v.getY()), Math.abs(v.getZ())));
  }

  private void advance(String done) {
    int next = steps.indexOf(step) + 1;
    step = steps.get(next);
    stepStartS = lastS;
    message = done;
    listener.changed(state());
  }

  private void note(String news) {
    message = news;
    listener.changed(state());
  }

  private void fail(String reason) {
    status = Status.FAILED;
    message = reason;
    listener.changed(state());
  }

  private double progress() {
    return switch (step) {
      case STILL -> Math.min(1, segmenter.runningStillS() / plan.stillSeconds());
      case POSES -> Math.min(1, (double) poses.size() / plan.targetPoses());
      case DISTANCE -> distanceRoll == null ? 0 : 1;
      case AXIS -> Math.min(1, axisFit.pathDeg() / plan.axisRollDeg());
      case DONE -> 1;
    };
  }

  private String instruction() {
    return switch (step) {
      case STILL ->
          String.format(
              Locale.ROOT,
              "Lay the roller on the floor where it cannot roll and let go. Don't touch it for %.0f"
                  + " seconds.",
              plan.stillSeconds());
      case POSES ->
          String.format(
              Locale.ROOT,
              "Put the roller down in a new resting position and let go until it is counted (%.0f"
                  + " s): lying at different turns, standing on each end, leaning against a wall."
                  + " %d of %d so far.",
              plan.poseHoldS(),
              poses.size(),
              plan.targetPoses());
      case DISTANCE ->
          String.format(
              Locale.ROOT,
              "Mark %.0f cm on the floor. Place the roller at the first mark, let it rest, then roll"
                  + " it once, straight, to the second mark and let it rest.",
              plan.distanceCm());
      case AXIS ->
          "Roll the roller back and forth along the floor a few times, straight, without lifting"
              + " it.";
      case DONE -> "Calibration complete.";
    };
  }
}

package com.rollercoach.review.frame;

import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.ReplayResult;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/** Finds a session's {@link BackFrame} from its analysis, the axis it was measured about and the gesture. */
public final class BackFrames {
  /**
   * The pipeline's axis and the calibration's must be the same line for the sign to carry over;
   * cos 60° = 0.5 is far from both a real match (within a few degrees) and an unrelated device.
   */
  static final double SAME_AXIS_COS = 0.5;

  private BackFrames() {}

  /**
   * @param calibration the device calibration of the roller the session was recorded with, if any
   */
  public static BackFrame of(ReplayResult replay, Optional<DeviceCalibration> calibration) {
    return of(replay.analysis(), replay.rollAxis(), calibration.map(DeviceCalibration::headwardRotation)
        .orElse(null));
  }

  /**
   * The one rule for where a session's positions are measured from, for every screen — the live
   * terminal and window as well as analyze, sessions show, the report and progress: the
   * extension-hold position (the protocol's mid-back landmark, T6–T8) once the session has a hold,
   * else where rolling started. Live, the hold is known only when it ends, so a live line before it
   * is measured from where rolling started and says so; the session's summary is then measured from
   * the hold, as `sessions show` does (`record`/`replay` printed +7 cm for the tender spot
   * `sessions show` gave at 5 cm, and never said from where).
   *
   * @param pipelineAxis the axis the pipeline measured s about (positive rotation = increasing s)
   * @param headwardRotation the rotation direction of rolling toward the head, sensor coordinates;
   *     null when unknown
   */
  public static BackFrame of(SessionAnalysis a, double[] pipelineAxis, Vector3D headwardRotation) {
    int direction = direction(pipelineAxis, headwardRotation);
    Optional<ExtensionHold> hold = a.holds().stream().max(Comparator.comparingDouble(ExtensionHold::durationS));
    if (hold.isPresent()) return new BackFrame(direction, BackFrame.Landmark.EXTENSION_HOLD, hold.get().positionCm());
    double start = a.passes().isEmpty() ? 0 : a.passes().get(0).fromCm();
    return new BackFrame(direction, BackFrame.Landmark.ROLLING_START, start);
  }

  /**
   * +1 when the pipeline's positive s is toward the head, −1 toward the feet, 0 unknown: the axis it
   * measured about against the roller's "roll toward your head" gesture.
   */
  public static int direction(double[] pipelineAxis, Vector3D headwardRotation) {
    if (pipelineAxis == null || headwardRotation == null) return 0;
    double cos = new Vector3D(pipelineAxis).normalize().dotProduct(headwardRotation.normalize());
    return Math.abs(cos) >= SAME_AXIS_COS ? (cos > 0 ? 1 : -1) : 0;
  }
}

package com.rollercoach.calibration;

import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.HeadwardGesture;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Runs the "roll toward your head" gesture ({@link HeadwardGesture}) on a device's samples, corrected
 * by its calibration (the gesture needs the calibrated bias and roll axis), for the terminal and the
 * window alike.
 */
public final class DirectionLearning implements SampleSink {
  private final DeviceCalibration calibration;
  private final HeadwardGesture gesture;

  public DirectionLearning(DeviceCalibration calibration) {
    this.calibration = calibration;
    this.gesture = new HeadwardGesture(calibration.rollAxis());
  }

  @Override
  public void accept(ImuSample raw) {
    gesture.accept(calibration.imu().apply(raw));
  }

  @Override
  public void end() {
    gesture.end();
  }

  public HeadwardGesture.State state() {
    return gesture.state();
  }

  public void retry() {
    gesture.retry();
  }

  /** The calibration with the learned direction; call when {@link #state()} is DONE. */
  public DeviceCalibration result() {
    if (gesture.state().status() != HeadwardGesture.Status.DONE) {
      throw new IllegalStateException("the gesture is not done: " + gesture.state().message());
    }
    return calibration.withTowardHead(gesture.state().towardHead());
  }

  /**
   * A new calibration of the same roller keeps the direction learned before: the axis is the same line
   * (within 25°, far beyond any refit's change, far below an unrelated mounting), possibly with the
   * other sign, so the sign is carried over through it.
   */
  public static DeviceCalibration carryOver(DeviceCalibration previous, DeviceCalibration fresh) {
    if (previous == null || !previous.knowsHeadDirection() || fresh.knowsHeadDirection()) return fresh;
    Vector3D head = previous.headwardRotation();
    double cos = head.dotProduct(fresh.rollAxis());
    if (Math.abs(cos) < Math.cos(Math.toRadians(25))) return fresh;
    return fresh.withTowardHead(cos > 0 ? 1 : -1);
  }
}

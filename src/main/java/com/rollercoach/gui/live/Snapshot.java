package com.rollercoach.gui.live;

import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.live.LiveSession;

/**
 * What the display needs after the latest sample, published atomically by the source thread.
 *
 * @param coaching how the coach treats the running still period (mode, since, breaths in a hold)
 * @param rangeLowCm lower end of the starting range (NaN until the first passes set it)
 * @param rangeHighCm upper end of the starting range
 * @param lastPassSpeedCmS speed of the latest pass over rolling time only (the coach's), NaN before the first
 * @param samples samples fed to the pipeline so far
 */
public record Snapshot(
    LiveState state,
    LiveSession.Coaching coaching,
    double rangeLowCm,
    double rangeHighCm,
    double lastPassSpeedCmS,
    LinkStatus link,
    long samples) {

  public static final LiveSession.Coaching NO_COACHING =
      new LiveSession.Coaching(StillMode.NONE, Double.NaN, 0, false, 0, new double[0]);

  public static Snapshot initial(LinkStatus link) {
    return new Snapshot(LiveState.initial(), NO_COACHING, Double.NaN, Double.NaN, Double.NaN, link, 0);
  }

  public StillMode stillMode() {
    return coaching.stillMode();
  }

  public Snapshot withLink(LinkStatus l) {
    return new Snapshot(state, coaching, rangeLowCm, rangeHighCm, lastPassSpeedCmS, l, samples);
  }
}

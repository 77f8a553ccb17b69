package com.rollercoach.gui.live;

import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.gui.source.LinkStatus;

/**
 * What the display needs after the latest sample, published atomically by the source thread.
 *
 * @param stillMode how the cue engine coaches the running still segment
 * @param rangeLowCm lower end of the starting range (NaN until the first passes set it)
 * @param rangeHighCm upper end of the starting range
 * @param lastPassSpeedCmS mean speed of the latest pass, NaN before the first
 * @param samples samples fed to the pipeline so far
 */
public record Snapshot(
    LiveState state,
    StillMode stillMode,
    double rangeLowCm,
    double rangeHighCm,
    double lastPassSpeedCmS,
    LinkStatus link,
    long samples) {

  public static Snapshot initial(LinkStatus link) {
    return new Snapshot(LiveState.initial(), StillMode.NONE, Double.NaN, Double.NaN, Double.NaN, link, 0);
  }

  public Snapshot withLink(LinkStatus l) {
    return new Snapshot(state, stillMode, rangeLowCm, rangeHighCm, lastPassSpeedCmS, l, samples);
  }
}

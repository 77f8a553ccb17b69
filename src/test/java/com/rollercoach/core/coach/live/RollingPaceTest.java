package com.rollercoach.core.coach.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.StillSegment;
import org.junit.jupiter.api.Test;

/** The live pace: a pass's travel over the time it rolled, as the pipeline reports it. */
class RollingPaceTest {
  /**
   * A 1 s Bluetooth gap early in a 3.5 s, 8 cm stroke (simulate --seed 30000116): the roller rolled
   * across it, and the travel includes that, so the pass rolled at 2.3 cm/s, not 3.2 (nor, with the
   * stroke's ramps, the 5.2 cm/s that brought a wrong "Slow down"). A still period in a pass is a
   * pause.
   */
  @Test
  void aDataGapIsRollingTimeAndAStillIsAPause() {
    RollingPace pace = new RollingPace();
    pace.onEvent(new MotionEvent.DataGap(101.5, 100.5, 101.5, "no samples"));
    pace.onEvent(new MotionEvent.PassCompleted(103.5, new Pass(1, 100, 103.5, 0, 8), 1, 0));
    assertEquals(8 / 3.5, pace.lastPassSpeedCmS(), 1e-9);
    pace.onEvent(new MotionEvent.StillEnded(120, new StillSegment(104, 119, 8)));
    pace.onEvent(new MotionEvent.PassCompleted(121, new Pass(2, 103.5, 121, 8, 0), 2, 1));
    assertEquals(8 / 2.5, pace.lastPassSpeedCmS(), 1e-9);
  }
}

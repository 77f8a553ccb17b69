package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.SyntheticSession;
import org.junit.jupiter.api.Test;

/**
 * Getting off after the hold can roll the roller one way and back within a second or two with no
 * jolt flagged: two "passes" in a row, later withdrawn. The second must not confirm the hold before
 * them as a tender spot (a dwell is a still a pass follows, the person seen rolling on), since a
 * confirmed dwell cannot be taken back (seed 32000109 at 25 Hz).
 */
class QuickGetOffAfterHoldTest {
  private static SessionAnalysis analysis(SyntheticSession s) {
    return s.analyze(PipelineConfig.defaults());
  }

  @Test
  void aShoveAndARollBackAfterTheHoldLeaveItAHold() {
    // 6 strokes, the hold, then sitting up: a 6 cm shove and the empty roller rolling 6 cm back
    SyntheticSession s =
        new SyntheticSession().idle(10).getOn().strokes(6, 15, 5.0).rest(40).stroke(6, 0.8)
            .stroke(0, 0.8).idle(15);
    SessionAnalysis a = analysis(s);
    assertEquals(6, a.passes().size(), "the shove and the roll-back are getting off");
    assertEquals(1, a.holds().size(), "the still after the set is the hold");
    assertEquals(0, a.dwells().size(), "and no tender spot");
  }

  @Test
  void rollingOnAfterATenderSpotStillMakesItOne() {
    SyntheticSession s =
        new SyntheticSession().idle(10).getOn().strokes(6, 15, 5.0).rest(30).strokes(4, 12, 5.0)
            .rest(30).getOff().idle(10);
    SessionAnalysis a = analysis(s);
    assertEquals(1, a.dwells().size(), "the first still, rolled on from, is a tender spot");
    assertEquals(1, a.holds().size());
    assertEquals(10, a.passes().size());
  }
}

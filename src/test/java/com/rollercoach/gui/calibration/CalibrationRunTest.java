package com.rollercoach.gui.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.calibration.SyntheticCalibrationSession;
import com.rollercoach.core.calibration.CalibrationPlan;
import com.rollercoach.core.calibration.ProcedureState;
import com.rollercoach.gui.source.ReplaySource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The wizard's engine: a synthetic calibration session run through the procedure on its thread. */
class CalibrationRunTest {
  @Test
  void theDemoSensorCalibratesCompletely() throws Exception {
    SyntheticCalibrationSession s = SyntheticCalibrationSession.builder(11).randomErrors().build();
    CalibrationRun run = new CalibrationRun(
        new ReplaySource("demo sensor", ReplaySource.pacedBySampleTime(s::play), 0, null),
        CalibrationPlan.defaults("demo-1", "test", "test", Instant.EPOCH)
            .withDistanceCm(100)); // the synthetic session rolls its default 1 m
    run.start();
    run.join(60_000);
    assertTrue(run.ended());
    assertEquals(ProcedureState.Status.COMPLETE, run.state().status(), run.state().message());
    assertTrue(run.result().isPresent());
    assertEquals(s.truth().diameterCm(), run.result().get().rollerDiameterCm(), 0.3);
  }
}

package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.sample.ImuSample;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** s = r·θ with the radius the roller rolls with under a body, not the label's. */
class RollingRadiusTest {
  private static final double[] AXIS = {0, 1, 0};

  @Test
  void theLoadedRadiusIsTheFreeOneLessTheFoamsFlattening() {
    assertEquals(7.5 * 0.985, RollingRadius.loadedCm(15), 1e-12);
    assertTrue(RollingRadius.FOAM_FLATTENING > 0 && RollingRadius.FOAM_FLATTENING <= 0.03,
        "between a rigid roller's 0 and soft foam's 3 %");
  }

  @Test
  void aLabelsDiameterIsFlattenedAMeasuredLoadedOneIsNot() {
    PipelineConfig label = new PipelineConfig(15, Optional.of(AXIS));
    assertEquals(2 * RollingRadius.loadedCm(15), label.rollingDiameterCm(), 1e-12);
    assertEquals(15, label.withDiameterUnderLoadCm(15).rollingDiameterCm(), 1e-12);
    assertEquals(
        2 * RollingRadius.loadedCm(14),
        label.withDiameterUnderLoadCm(15).withRollerDiameterCm(14).rollingDiameterCm(),
        1e-12,
        "a diameter typed in later is a label's again");
  }

  /** Half a turn of a roller labelled 15 cm: s moves π·r_loaded, 0.35 cm less than π·7.5 cm. */
  @Test
  void thePipelineRollsWithTheLoadedRadius() {
    double label = halfTurnCm(new PipelineConfig(15, Optional.of(AXIS)));
    assertEquals(Math.PI * RollingRadius.loadedCm(15), label, 0.05, "a label's 15 cm");
    double measured = halfTurnCm(new PipelineConfig(15, Optional.of(AXIS), true));
    assertEquals(Math.PI * 7.5, measured, 0.05, "15 cm measured under load");
  }

  /** |Δs| over half a turn at 45 °/s between two rests. */
  private static double halfTurnCm(PipelineConfig config) {
    MotionPipeline p = new MotionPipeline(config, e -> {});
    double dt = 0.01;
    double before = Double.NaN;
    for (int i = 0; i <= 1000; i++) {
      double t = i * dt;
      double theta = Math.toRadians(45 * Math.min(Math.max(t - 3, 0), 4));
      double w = t > 3 && t <= 7 ? 45 : 0;
      p.accept(new ImuSample(t, -Math.sin(theta), 0, Math.cos(theta), 0, w, 0));
      if (i == 290) before = p.state().positionCm();
    }
    return Math.abs(p.state().positionCm() - before);
  }
}

package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.emulator.SimulatedInput;
import org.junit.jupiter.api.Test;

/**
 * README's "try it without hardware" (emulate --seed 7, then record with no diameter): HELLO carries no
 * roller diameter, so the emulated roller must be the one record assumes, or distances and pace come
 * out ~25 % high (seed 7 alone draws a 12 cm roller).
 */
class EmulateRollerTest {
  @Test
  void emulateSeedPlaysOnTheRollerRecordAssumes() {
    SimulatedInput input = EmulateCommand.simulated(7);
    assertEquals(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM,
        input.metadata().number(SessionMetadata.ROLLER_DIAMETER_CM).orElseThrow(), 1e-9);
    assertTrue(input.description().endsWith(", roller 15 cm"), input.description());
  }
}

package com.rollercoach.io.emulator;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;

/** A session the emulator plays: a CSV, a recording, a simulated session. */
public interface EmulatorInput {
  /** For messages ("samples/slow-roller.csv", "simulated session, seed 7"). */
  String description();

  /** Sample rate and roller facts, when the input states them. */
  SessionMetadata metadata();

  /** Pushes every sample, in time order, into {@code sink}; returns when the input is exhausted. */
  void play(SampleSink sink) throws IOException;
}

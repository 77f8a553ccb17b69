package com.rollercoach.sim.bench;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.NumberText;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.sim.Archetype;
import com.rollercoach.sim.SessionTruth;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Simulates sessions in memory, runs each through a fresh {@link MotionPipeline} exactly as {@code
 * analyze} would (roller diameter from the recording's metadata), and scores the events against the
 * truth. Session i uses seed {@code seed·1000003 + i} and cycles through the {@link Archetype}s, so
 * every kind of person is covered evenly; device, rate and roller are drawn from the seed. Any
 * session can be reproduced on its own with {@code simulate --seed <that seed> --profile <profile>}.
 */
public final class AccuracyBenchmark {
  private AccuracyBenchmark() {}

  /** The spec of session {@code i} of a run with {@code seed}. */
  public static SimulationSpec specFor(long seed, int i) {
    Archetype[] kinds = Archetype.values();
    return SimulationSpec.of(seed * 1_000_003L + i).withArchetype(kinds[i % kinds.length]);
  }

  /**
   * The spec of session {@code i} of a setup's run: the same seeds as an ordinary run, so each setup
   * plays the same people and the difference is the setup's alone.
   */
  public static SimulationSpec specFor(long seed, int i, BenchSetup setup) {
    SimulationSpec s = specFor(seed, i);
    return s.withConditions(setup.conditionsFor(s.seed()));
  }

  /** Runs {@code sessions} ordinary sessions on {@code threads} threads; the result does not depend on them. */
  public static AccuracyTally run(int sessions, long seed, int threads) throws InterruptedException {
    return run(sessions, seed, threads, List.of(BenchSetup.ORDINARY));
  }

  /** Runs {@code sessions} sessions of each setup. */
  public static AccuracyTally run(int sessions, long seed, int threads, List<BenchSetup> setups)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<SessionOutcome>> futures = new ArrayList<>();
      for (BenchSetup setup : setups) {
        for (int i = 0; i < sessions; i++) {
          SimulationSpec spec = specFor(seed, i, setup);
          futures.add(pool.submit(() -> runOne(spec, setup.name())));
        }
      }
      AccuracyTally tally = new AccuracyTally();
      for (Future<SessionOutcome> f : futures) {
        try {
          tally.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("session failed: " + e.getCause(), e.getCause());
        }
      }
      return tally;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Simulates one session, runs the pipeline over it and scores it. */
  public static SessionOutcome runOne(SimulationSpec spec) {
    return runOne(spec, "ordinary");
  }

  /** As {@link #runOne(SimulationSpec)}, labelled with its setup. */
  public static SessionOutcome runOne(SimulationSpec spec, String setupName) {
    SimulatedSession session = SimulatedSession.create(spec);
    SessionTruth truth = session.truth(false);
    Detections detections = new Detections();
    String label =
        String.format(
            Locale.ROOT,
            "--seed %d --profile %s%s (%s @ %s Hz)",
            spec.seed(),
            truth.profile(),
            spec.conditions().isEmpty()
                ? ""
                : " --setup "
                    + String.join(
                        ",", spec.conditions().stream().map(c -> c.cliName()).sorted().toList()),
            truth.device(),
            NumberText.plain(truth.sampleRateHz()));
    try {
      PipelineConfig config =
          PipelineConfig.defaults().withRollerDiameterCm(session.nominalDiameterCm());
      session.play(new MotionPipeline(config, detections));
    } catch (RuntimeException e) {
      label += " PIPELINE ERROR " + e;
    }
    return SessionOutcome.compare(
        label, truth, detections, setupName, session.passConfirmationTimes(truth));
  }

}

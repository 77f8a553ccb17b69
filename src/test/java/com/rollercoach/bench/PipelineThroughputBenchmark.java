package com.rollercoach.bench;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.sim.Archetype;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the motion pipeline on one core, in samples per second (target ≥ 5 M/s): a fresh
 * pipeline is fed a whole simulated session (10 minutes at 200 Hz, a typical session with rolling,
 * dwells and a hold) per invocation. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PipelineThroughputBenchmark {
  /** Samples per invocation: 10 minutes at 200 Hz. */
  static final int SAMPLES = 120_000;

  private ImuSample[] samples;

  @Setup
  public void simulate() {
    List<ImuSample> all = new ArrayList<>();
    SimulatedSession.create(
            SimulationSpec.of(1)
                .withArchetype(Archetype.TYPICAL)
                .withDevice("bmi160-logger")
                .withRateHz(200)
                .withMinDurationS(SAMPLES / 200.0 + 60))
        .play(
            new SampleSink() {
              @Override
              public void accept(ImuSample s) {
                all.add(s);
              }
            });
    samples = all.subList(0, SAMPLES).toArray(new ImuSample[0]);
  }

  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public LiveState session(Blackhole events) {
    MotionPipeline p = new MotionPipeline(PipelineConfig.defaults(), events::consume);
    for (ImuSample s : samples) p.accept(s);
    p.end();
    return p.state();
  }

  /** Run from an IDE: the JMH runner with this class only. */
  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(new String[] {PipelineThroughputBenchmark.class.getSimpleName()});
  }
}
